"""/mock: the templates, a planned round, a round run over HTTP (scored by the CLI's runner, timed by
the server, stored by the CLI's report code), the history and the report page; and one round in a
real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient

from mianjing.cards.bank import load_bank
from mianjing.mock.planner import PROMPTS, plan_round
from mianjing.mock.report import failed_problems
from mianjing.mock.runner import ScriptedResponder, run_round
from mianjing.mock.templates import load_templates
from mianjing.problems.bank import load_all
from mianjing.store.db import connect
from mianjing.store.progress import record_submission
from mianjing.web.app import create_app
from mianjing.web.mocking import MAX_ANSWER_CHARS, MAX_ROUNDS, WebRounds
from mianjing.web.security import TOKEN_COOKIE

TOKEN = "mock-token-for-tests-0123456"
BASE = "http://127.0.0.1:8765"


class FakeClock:
    """The server's monotonic clock, moved by the test: minutes pass without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def sources():
    bank = load_bank()
    problems, _ = load_all()
    return bank, {p.id: p for p in problems}, load_templates()


@pytest.fixture()
def clock():
    return FakeClock()


@pytest.fixture()
def client(clock):
    """A browser-like client: the token cookie, our Origin and the page's CSRF token on every request."""
    app = create_app("127.0.0.1", 8765, TOKEN)
    app.state.lang = "en"
    app.state.mock_rounds = WebRounds(clock)
    c = TestClient(app, base_url=BASE, headers={"Origin": BASE, "X-CSRF-Token": app.state.guard.csrf})
    c.cookies.set(TOKEN_COOKIE, TOKEN)
    return c


def submission(problem: str, verdict: str, passed: int, total: int, when: datetime | None = None) -> None:
    conn = connect()
    sid = record_submission(conn, {"problem": problem, "verdict": verdict, "passed": passed, "total": total,
                                   "time_ms": 1.0, "cases": []}, "def solution(): ...\n")
    if when is not None:
        with conn:
            conn.execute("UPDATE submissions SET created_at = ? WHERE id = ?", (when.isoformat(timespec="seconds"), sid))
    conn.close()


def test_templates_are_listed_with_their_seed_lines(client, sources):
    _, _, templates = sources
    text = client.get("/mock").text
    assert 'href="/mock"' in text  # the nav item
    for t in templates.templates.values():
        row = re.search(rf'<tr data-id="{t.id}">(.*?)</tr>', text, re.DOTALL)
        assert row, t.id
        assert f"{t.minutes:g}" in row.group(1) and "–".join(map(str, t.lines)) in row.group(1)
    api = client.get("/api/mock/templates").json()["templates"]
    assert {r["id"] for r in api} == set(templates.templates)
    assert api[0]["id"] == "generic-1"  # the one for any company comes first


def test_plan_is_the_clis_plan_with_links(client, sources):
    bank, problems, templates = sources
    expected = plan_round(templates.templates["generic-1"], bank, problems, seed=7, lang="en").to_dict()
    assert client.get("/api/mock/plan?template=generic-1&seed=7").json() == expected
    text = client.get("/mock?template=generic-1&seed=7").text
    kinds = re.findall(r'class="mock-part" data-part="\d+" data-kind="(\w+)" data-minutes="([\d.]+)"', text)
    assert kinds == [(p["kind"], str(p["minutes"])) for p in expected["parts"]]  # parts in order, minutes each
    fundamentals = next(p for p in expected["parts"] if p["kind"] == "fundamentals")
    coding = next(p for p in expected["parts"] if p["kind"] == "coding")
    for q in fundamentals["questions"]:
        assert f'href="/cards/{q["card"]}"' in text
    assert f'href="/problems/{coding["questions"][0]["problem"]}"' in text
    # no seed: a fresh one is drawn and put in the address, so the round can be run again
    r = client.get("/mock?template=generic-1", follow_redirects=False)
    assert r.status_code == 303 and re.fullmatch(r"/mock\?template=generic-1&seed=\d+", r.headers["location"])


def test_the_page_and_the_round_speak_chinese_when_switched(client, sources):
    bank, problems, templates = sources
    client.app.state.lang = "zh"
    text = client.get("/mock?template=tencent-wxg-2&seed=0").text
    assert "模拟面试" in text and "开始面试" in text and "<h3>论文/项目</h3>" in text
    assert bank.get("ppo-vs-dpo-vs-grpo").zh.question in text
    rnd = client.post("/api/mock/start", json={"template": "tencent-wxg-2", "seed": 0}).json()["round"]
    assert rnd == plan_round(templates.templates["tencent-wxg-2"], bank, problems, seed=0, lang="zh").to_dict()


def test_bad_template_or_seed_is_a_clear_error(client):
    r = client.get("/api/mock/plan?template=nope-1&seed=1")
    assert r.status_code == 404 and "generic-1" in r.json()["error"]
    r = client.get("/api/mock/plan?template=generic-1&seed=abc")
    assert r.status_code == 400 and "whole number" in r.json()["error"]
    r = client.post("/api/mock/start", json={"template": "generic-1", "seed": -1})
    assert r.status_code == 400
    r = client.get("/api/mock/plan")
    assert r.status_code == 404 and "no round template ''" in r.json()["error"]
    r = client.post("/api/mock/nope/answer", json={"key": "intro", "text": "x"})
    assert r.status_code == 404 and "start it again from /mock" in r.json()["error"]
    rid = client.post("/api/mock/start", json={"template": "generic-1", "seed": 1}).json()["round_id"]
    assert client.post(f"/api/mock/{rid}/answer", json={"key": "nope", "text": "x"}).status_code == 404
    assert client.post(f"/api/mock/{rid}/answer", json={"key": "intro", "text": 3}).status_code == 400
    r = client.post(f"/api/mock/{rid}/answer", json={"key": "intro", "text": "x" * (MAX_ANSWER_CHARS + 1)})
    assert r.status_code == 413 and "at most" in r.json()["error"]


def test_only_the_latest_rounds_are_kept_in_memory(sources):
    bank, problems, templates = sources
    rnd = plan_round(templates.templates["generic-1"], bank, problems, seed=1, lang="en")
    kept = WebRounds(FakeClock())
    first = kept.start(rnd)
    later = [kept.start(rnd) for _ in range(MAX_ROUNDS)]
    assert first.id not in kept.rounds and all(r.id in kept.rounds for r in later)


def _answer_text(bank, card: str) -> str:
    return " ".join(bank.get(card).en.keypoints)


def test_a_round_is_scored_timed_stored_and_listed(client, clock, sources):
    bank = sources[0]
    start = client.post("/api/mock/start", json={"template": "tencent-wxg-2", "seed": 0}).json()
    rid, rnd = start["round_id"], start["round"]
    keys = [q["key"] for p in rnd["parts"] for q in p["questions"]]
    assert {"ppo-vs-dpo-vs-grpo", "grpo-clip-vs-kl", "lcs"} <= set(keys)
    # a submission from before the round does not count for it
    submission("lcs", "accepted", 10, 10, datetime.now(timezone.utc) - timedelta(hours=1))

    clock.now += 90
    full = client.post(f"/api/mock/{rid}/answer", json={"key": "ppo-vs-dpo-vs-grpo",
                                                         "text": _answer_text(bank, "ppo-vs-dpo-vs-grpo")}).json()
    assert full["score"] == 1.0 and full["missed"] == [] and full["seconds"] == 90
    empty = client.post(f"/api/mock/{rid}/answer", json={"key": "grpo-clip-vs-kl", "text": ""}).json()
    assert empty["score"] == 0.0 and empty["missed"] == bank.get("grpo-clip-vs-kl").en.keypoints
    again = client.post(f"/api/mock/{rid}/answer", json={"key": "grpo-clip-vs-kl", "text": "more"})
    assert again.status_code == 409
    so_far = client.get(f"/api/mock/{rid}").json()  # what a reloaded page reads back
    assert so_far["items"] == {"ppo-vs-dpo-vs-grpo": full, "grpo-clip-vs-kl": empty}
    wrong_kind = client.post(f"/api/mock/{rid}/answer", json={"key": "lcs", "text": "x"})
    assert wrong_kind.status_code == 400 and "/problems/lcs" in wrong_kind.json()["error"]

    clock.now += 31 * 60  # the coding slot is 25 minutes: over time, recorded, not fatal
    submission("lcs", "wrong_answer", 3, 10)
    submission("lcs", "accepted", 10, 10)
    lcs = client.post(f"/api/mock/{rid}/coding", json={"key": "lcs"}).json()
    assert lcs["verdict"] == "accepted" and lcs["over_time"] is True and lcs["score"] == 0.75

    doc = client.post(f"/api/mock/{rid}/finish").json()
    items = {i["key"]: i for p in doc["parts"] for i in p["items"]}
    assert set(items) == set(keys)  # unanswered questions are in the report as skipped
    skipped = [k for k in keys if k not in ("ppo-vs-dpo-vs-grpo", "grpo-clip-vs-kl", "lcs")]
    assert all(items[k]["score"] == 0.0 and items[k]["seconds"] == 0 for k in skipped)
    parts = [p for p in doc["parts"] if p["score"] is not None]
    expected = sum(p["score"] * p["minutes"] for p in parts) / sum(p["minutes"] for p in parts)
    assert doc["score"] == pytest.approx(expected, abs=1e-3)
    assert "Over time: coding" in doc["judgement"]
    # stored as `mianjing mock run` stores it: the round, its items, weak cards due now
    conn = connect()
    stored = json.loads(conn.execute("SELECT report_json FROM mock_rounds WHERE id = ?", (doc["id"],)).fetchone()[0])
    assert stored["score"] == doc["score"]
    assert conn.execute("SELECT COUNT(*) FROM mock_items WHERE mock = ?", (doc["id"],)).fetchone()[0] == len(keys)
    assert "grpo-clip-vs-kl" in {c["id"] for c in doc["scheduled_for_review"]}
    due = conn.execute("SELECT due FROM card_state WHERE card = 'grpo-clip-vs-kl'").fetchone()[0]
    assert datetime.fromisoformat(due) <= datetime.now(timezone.utc) + timedelta(minutes=10)
    assert conn.execute("SELECT 1 FROM card_state WHERE card = 'ppo-vs-dpo-vs-grpo'").fetchone() is None
    conn.close()
    # listed, viewable, and the round is gone from memory
    assert client.get("/api/mock/history").json()["rounds"][0]["id"] == doc["id"]
    assert client.get(f"/api/mock/reports/{doc['id']}").json() == stored
    page = client.get(f"/mock/reports/{doc['id']}").text
    assert doc["judgement"] in html.unescape(page) and 'href="/cards/grpo-clip-vs-kl"' in page
    assert f'href="/mock/reports/{doc["id"]}"' in client.get("/mock").text
    assert client.post(f"/api/mock/{rid}/finish").status_code == 404
    assert client.get("/mock/reports/999", headers={"Accept": "text/html"}).status_code == 404


def test_scores_equal_the_clis_for_the_same_answers(client, sources, tmp_path):
    """Same answers through the CLI's scripted runner and through the web: the same scores."""
    bank, problems, templates = sources
    answers = {"ppo-vs-dpo-vs-grpo": _answer_text(bank, "ppo-vs-dpo-vs-grpo"),
               "on-policy-vs-off-policy": bank.get("on-policy-vs-off-policy").en.keypoints[0],
               "paper": ". ".join(PROMPTS["paper"]["en"][1][:2])}
    path = tmp_path / "answers.toml"
    path.write_text("[answers]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in answers.items()), encoding="utf-8")
    rnd = plan_round(templates.templates["tencent-wxg-2"], bank, problems, seed=0, lang="en")
    cli = run_round(rnd, ScriptedResponder(path), lambda p, c: {}, problems=problems, workdir=tmp_path / "w")
    rid = client.post("/api/mock/start", json={"template": "tencent-wxg-2", "seed": 0}).json()["round_id"]
    for key, text in answers.items():
        assert client.post(f"/api/mock/{rid}/answer", json={"key": key, "text": text}).status_code == 200
    web = client.post(f"/api/mock/{rid}/finish").json()
    web_items = {i["key"]: i for p in web["parts"] for i in p["items"]}
    for part in cli:
        for item in part.items:
            w = web_items[item.key]
            assert (w["score"], w.get("hit", []), w.get("missed", [])) == (item.score, item.hit, item.missed), item.key
    assert 0 < web_items["paper"]["score"] < 1 and 0 < web_items["on-policy-vs-off-policy"]["score"] < 1


def test_coding_without_a_submission_puts_the_problem_at_the_plan_front(client):
    rid = client.post("/api/mock/start", json={"template": "tencent-wxg-2", "seed": 0}).json()["round_id"]
    lcs = client.post(f"/api/mock/{rid}/coding", json={"key": "lcs"}).json()
    assert lcs["verdict"] == "not_attempted" and lcs["score"] == 0.0
    doc = client.post(f"/api/mock/{rid}/finish").json()
    assert doc["front_of_plan"] == ["lcs"]
    assert failed_problems(connect()) == ["lcs"]


def test_state_changes_need_the_csrf_token(client):
    bare = TestClient(client.app, base_url=BASE, headers={"Origin": BASE})
    bare.cookies.set(TOKEN_COOKIE, TOKEN)
    r = bare.post("/api/mock/start", json={"template": "generic-1", "seed": 1})
    assert r.status_code == 403 and "CSRF" in r.json()["error"]
    foreign = TestClient(client.app, base_url=BASE, headers={"Origin": "http://evil.example",
                                                             "X-CSRF-Token": client.app.state.guard.csrf})
    foreign.cookies.set(TOKEN_COOKIE, TOKEN)
    assert foreign.post("/api/mock/start", json={"template": "generic-1", "seed": 1}).status_code == 403
    assert client.post("/api/mock/start", json={"template": "generic-1", "seed": 1}).status_code == 200


# ---------------------------------------------------------------- in the browser

def test_a_generic_round_in_the_browser(browser, server, shots):
    width = 1280
    ctx = browser.new_context(viewport={"width": width, "height": 800})
    page = ctx.new_page()
    errors: list[str] = []  # a script that throws, a resource that 404s, a CSP violation
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.goto(server.url("/mock", token=True))
    page.click("nav a[href='/mock']")
    page.select_option("select[name=template]", "generic-1")
    page.fill("input[name=seed]", "7")
    page.click(".mock-choose button[type=submit]")
    page.wait_for_selector("#plan[data-seed='7']")
    page.screenshot(path=str(shots / f"mock-plan-{width}.png"), full_page=True)
    page.click("#mock-start")
    page.wait_for_selector(".mock-part.active .mock-clock:not([hidden])")
    assert re.search(r"\d+:\d\d", page.inner_text(".mock-part.active .mock-clock"))
    lang = "zh" if page.get_attribute("html", "lang").startswith("zh") else "en"
    intro = ". ".join(PROMPTS["intro"][lang][1])  # every point of the checklist
    page.fill(".mock-q[data-key=intro] textarea", intro)
    page.click(".mock-q[data-key=intro] .mock-submit")
    page.wait_for_selector(".mock-q[data-key=intro].answered")
    assert "100%" in page.inner_text(".mock-q[data-key=intro] .mock-result")
    page.click(".mock-part.active .mock-next")
    page.wait_for_selector(".mock-part[data-part='1'].active")
    page.reload()  # the tab keeps the round: the same part, the answer scored
    page.wait_for_selector(".mock-part[data-part='1'].active .mock-clock:not([hidden])")
    assert "100%" in page.inner_text(".mock-q[data-key=intro] .mock-result")
    assert page.is_hidden("#mock-start") and page.is_visible("#mock-finish")
    page.fill(".mock-part.active .mock-q textarea >> nth=0", "context, role, method, data and compute, result")
    page.screenshot(path=str(shots / f"mock-running-{width}.png"), full_page=True)
    page.evaluate("window.scrollTo(0, document.getElementById('plan').offsetTop - 60)")
    page.screenshot(path=str(shots / f"mock-round-{width}.png"))  # the viewport, as the docs show it
    page.click("#mock-finish")
    page.wait_for_selector("#mock-report")
    assert re.fullmatch(r".*/mock/reports/\d+", page.url)
    row = page.locator("tr[data-key=intro]")
    assert "100%" in row.inner_text()
    page.screenshot(path=str(shots / f"mock-report-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shots / "mock-report-390.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 391  # nothing wider than the phone
    page.goto(server.url("/mock?template=generic-1&seed=7"))
    page.screenshot(path=str(shots / "mock-plan-390.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    assert page.locator("#mock-history tr[data-id]").count() == 1
    assert not errors, errors
    ctx.close()
