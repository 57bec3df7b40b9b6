"""Each defence of the local server, with httpx (through Starlette's TestClient, no socket needed)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from mianjing.web.app import create_app
from mianjing.web.security import TOKEN_COOKIE

TOKEN = "secret-token-for-tests-0123"
BASE = "http://127.0.0.1:8765"


def fake_judge(problem, code, visible_only):
    return {"problem": problem, "verdict": "accepted", "passed": 1, "total": 1, "time_ms": 1.0, "seed": 0,
            "cases": [], "message": "", "complexity": None, "isolation": []}


@pytest.fixture()
def app():
    return create_app("127.0.0.1", 8765, TOKEN, judge=fake_judge)


@pytest.fixture()
def client(app):
    return TestClient(app, base_url=BASE, follow_redirects=False)


def authed(app) -> TestClient:
    c = TestClient(app, base_url=BASE, follow_redirects=False)
    c.cookies.set(TOKEN_COOKIE, TOKEN)
    return c


def test_no_token_is_refused_everywhere(client):
    for path in ("/problems", "/api/problems", "/static/app.css", "/cards", "/api/cards?q=GQA"):
        r = client.get(path)
        assert r.status_code == 401, path
        assert "token" in r.text


def test_wrong_tokens_are_refused(client):
    assert client.get("/problems?token=nope").status_code == 401
    assert client.get("/api/problems", headers={"Authorization": "Bearer nope"}).status_code == 401
    client.cookies.set(TOKEN_COOKIE, "nope")
    assert client.get("/problems").status_code == 401


def test_token_in_url_becomes_a_strict_httponly_cookie(client):
    r = client.get(f"/problems?kind=model&token={TOKEN}")
    assert r.status_code == 303
    assert r.headers["location"] == "/problems?kind=model"  # the token leaves the address bar
    cookie = r.headers["set-cookie"]
    assert f"{TOKEN_COOKIE}={TOKEN}" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert client.get("/problems?kind=model").status_code == 200  # the cookie is enough from now on


def test_bearer_header_works_for_the_api(client):
    r = client.get("/api/problems", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and any(p["id"] == "rmsnorm" for p in r.json()["problems"])


def test_host_header_must_name_this_server(app):
    c = authed(app)
    assert c.get("/problems").status_code == 200
    assert c.get("/problems", headers={"Host": "localhost:8765"}).status_code == 200
    for bad in ("evil.example:8765", "127.0.0.1:9999", "127.0.0.1", "attacker.com"):
        r = c.get("/problems", headers={"Host": bad})
        assert r.status_code == 421, bad
        assert "Host" in r.text


def test_state_changes_need_origin_and_csrf(app):
    c = authed(app)
    guard = app.state.guard
    body = {"code": "x = 1", "mode": "submit"}
    ok_headers = {"Origin": BASE, "X-CSRF-Token": guard.csrf}
    # no Origin, a foreign Origin, no CSRF token, a wrong one: all refused, nothing judged
    assert c.post("/api/judge/sqrt-int", json=body, headers={"X-CSRF-Token": guard.csrf}).status_code == 403
    r = c.post("/api/judge/sqrt-int", json=body, headers={"Origin": "http://evil.example", "X-CSRF-Token": guard.csrf})
    assert r.status_code == 403 and "Origin" in r.json()["error"]
    assert c.post("/api/judge/sqrt-int", json=body, headers={"Origin": BASE}).status_code == 403
    r = c.post("/api/judge/sqrt-int", json=body, headers={"Origin": BASE, "X-CSRF-Token": "0" * 32})
    assert r.status_code == 403 and "CSRF" in r.json()["error"]
    assert c.put("/api/drafts/sqrt-int", json={"code": "y"}, headers={"Origin": BASE}).status_code == 403
    assert c.post("/problems/sqrt-int/judge", json=body, headers={"Origin": BASE}).status_code == 403
    assert c.post("/problems/sqrt-int/hints", headers={"Origin": "http://evil.example", "X-CSRF-Token": guard.csrf}).status_code == 403
    r = c.post("/api/judge/sqrt-int", json=body, headers=ok_headers)
    assert r.status_code == 200 and r.json()["verdict"] == "accepted"


def test_bearer_clients_need_no_csrf_but_a_foreign_origin_is_still_refused(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"code": "x = 1", "mode": "run"}
    assert client.post("/api/judge/sqrt-int", json=body, headers=auth).status_code == 200
    r = client.post("/api/judge/sqrt-int", json=body, headers=auth | {"Origin": "http://evil.example"})
    assert r.status_code == 403


def test_ids_and_paths_are_validated(app):
    c = authed(app)
    for path in ("/api/problems/..%2F..%2Fpaths", "/api/problems/../../paths.py", "/problems/%2e%2e",
                 "/api/problems/RMSNORM", "/api/cards/..%2Fcards%2Fbank", "/cards/..%2F..%2Fpaths"):
        r = c.get(path)
        assert r.status_code == 404, path
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2Fapp.py", "/static/vendor/../../data.py"):
        r = c.get(path)
        assert r.status_code == 404, path
        assert "create_app" not in r.text and "def " not in r.text
    r = c.get("/api/problems/no-such-problem")
    assert r.status_code == 404 and "unknown problem id" in r.json()["error"]


def test_pages_send_protective_headers(app):
    r = authed(app).get("/problems")
    assert r.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert "script-src 'self'" in r.headers["content-security-policy"]
