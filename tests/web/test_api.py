"""The JSON API: the documents, the errors, the queue, the limits (httpx via TestClient, a fake judge
where only the web's own behaviour is under test; the browser tests use the real judge service)."""

from __future__ import annotations

import json
import threading
import time

import pytest
from fastapi.testclient import TestClient

from mianjing.web.app import create_app
from mianjing.web.judging import MAX_CODE_BYTES

TOKEN = "api-token-for-tests-0123456"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def report(problem: str, verdict: str = "accepted") -> dict:
    return {"problem": problem, "verdict": verdict, "passed": 1, "total": 1, "time_ms": 2.0, "seed": 7,
            "message": "", "complexity": None, "isolation": [],
            "cases": [{"name": "example-1", "hidden": False, "verdict": verdict, "message": "", "time_ms": 1.0,
                       "stdout": "", "detail": ""}]}


class GatedJudge:
    """Holds every judgement until released: lets a test fill the queue deterministically."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.calls: list[tuple[str, str, bool]] = []

    def __call__(self, problem, code, visible_only):
        self.calls.append((problem, code, visible_only))
        assert self.gate.wait(30)
        return report(problem)


def client_for(judge=lambda p, c, v: report(p), **kw) -> TestClient:
    app = create_app("127.0.0.1", 8765, TOKEN, judge=judge, **kw)
    return TestClient(app, base_url="http://127.0.0.1:8765", headers=AUTH)


def test_problem_list_and_one_problem():
    c = client_for()
    rows = c.get("/api/problems").json()["problems"]
    ids = {r["id"] for r in rows}
    assert {"rmsnorm", "sqrt-int"} <= ids and all(r["status"] == "new" for r in rows)
    models = c.get("/api/problems?kind=model").json()["problems"]
    assert models and all(r["kind"] == "model" for r in models)
    doc = c.get("/api/problems/rmsnorm").json()
    assert doc["id"] == "rmsnorm" and "def rms_norm" in doc["stub"] and doc["statement"]["en"]
    assert doc["draft"] is None


def test_unknown_ids_are_404_with_a_message():
    c = client_for()
    for path in ("/api/problems/nope", "/api/cards/nope", "/api/calc/nope", "/api/jobs/j999"):
        r = c.get(path)
        assert r.status_code == 404, path
        assert "unknown" in r.json()["error"]
    r = c.post("/api/judge/nope", json={"code": "x", "mode": "submit"})
    assert r.status_code == 404 and "unknown problem id 'nope'" in r.json()["error"]
    assert c.post("/api/review/nope", json={"rating": 3}).status_code == 404
    page = c.get("/problems/nope", headers={"Accept": "text/html"})  # a browser gets the app's own page
    assert page.status_code == 404 and 'class="topbar"' in page.text and "unknown problem id" in page.text


def test_judge_returns_the_cli_document_and_passes_the_mode():
    judge = GatedJudge()
    judge.gate.set()
    c = client_for(judge)
    doc = c.post("/api/judge/sqrt-int", json={"code": "def my_sqrt(x): return 0", "mode": "run"}).json()
    assert doc == report("sqrt-int")
    c.post("/api/judge/sqrt-int", json={"code": "def my_sqrt(x): return 1", "mode": "submit"})
    assert judge.calls == [("sqrt-int", "def my_sqrt(x): return 0", True), ("sqrt-int", "def my_sqrt(x): return 1", False)]
    # a submission becomes the draft: the editor opens with it next time
    assert c.get("/api/problems/sqrt-int").json()["draft"] == "def my_sqrt(x): return 1"


def test_bad_judge_requests():
    c = client_for()
    assert c.post("/api/judge/sqrt-int", json={"mode": "run"}).status_code == 400
    r = c.post("/api/judge/sqrt-int", json={"code": "x", "mode": "fast"})
    assert r.status_code == 400 and "run" in r.json()["error"]
    r = c.post("/api/judge/sqrt-int", content=b"not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    big = "#" * (MAX_CODE_BYTES + 1)
    r = c.post("/api/judge/sqrt-int", json={"code": big, "mode": "submit"})
    assert r.status_code == 413 and "64 KB" in r.json()["error"]
    assert c.get("/api/problems/sqrt-int").json()["draft"] is None  # refused code is not kept either
    assert c.post("/api/judge/sqrt-int", json={"code": "#" * MAX_CODE_BYTES, "mode": "run"}).status_code == 200


def test_queue_answers_in_order_and_429_when_full():
    judge = GatedJudge()
    c = client_for(judge, queue_limit=2)
    jobs = [c.post("/api/judge/sqrt-int?wait=0", json={"code": f"# {i}", "mode": "submit"}) for i in range(2)]
    assert [j.status_code for j in jobs] == [202, 202]
    states = [c.get(f"/api/jobs/{j.json()['job']}").json() for j in jobs]
    assert states[1]["state"] == "queued" and states[1]["position"] == 1
    full = c.post("/api/judge/sqrt-int?wait=0", json={"code": "# 2", "mode": "submit"})
    assert full.status_code == 429 and "waiting" in full.json()["error"] and full.headers["retry-after"]
    judge.gate.set()
    for j in jobs:
        for _ in range(200):
            st = c.get(f"/api/jobs/{j.json()['job']}").json()
            if st["state"] == "done":
                break
            time.sleep(0.01)
        assert st["state"] == "done" and st["report"]["verdict"] == "accepted"
    assert [code for _, code, _ in judge.calls] == ["# 0", "# 1"]  # first come, first judged
    assert c.post("/api/judge/sqrt-int?wait=0", json={"code": "# 3", "mode": "submit"}).status_code == 202


def test_judge_service_failure_is_a_message_not_a_crash():
    from mianjing.web.judging import JudgeFailed

    def broken(problem, code, visible_only):
        raise JudgeFailed("the judge service failed: boom. Try again")

    r = client_for(broken).post("/api/judge/sqrt-int", json={"code": "x", "mode": "submit"})
    assert r.status_code == 502 and "boom" in r.json()["error"]


def test_drafts_autosave():
    c = client_for()
    assert c.put("/api/drafts/rmsnorm", json={"code": "draft one"}).json()["saved"]
    assert c.get("/api/problems/rmsnorm").json()["draft"] == "draft one"
    assert "draft one" in c.get("/problems/rmsnorm").text  # the editor holds the draft
    assert c.put("/api/drafts/rmsnorm", json={"code": 3}).status_code == 400
    assert c.put("/api/drafts/nope", json={"code": "x"}).status_code == 404


def test_cards_search_in_both_languages_and_review():
    c = client_for()
    en = c.get("/api/cards?q=ZeRO").json()
    assert en["count"] > 0 and any(card["id"] == "zero-stages" for card in en["cards"])
    zh = c.get("/api/cards", params={"q": "显存"}).json()
    assert zh["count"] > 0
    assert c.get("/api/cards?q=zzzznotaword").json()["count"] == 0
    r = c.post("/api/review/zero-stages", json={"rating": 3, "answer": "optimizer states, gradients, parameters"})
    assert r.status_code == 200
    doc = r.json()
    assert doc["card"] == "zero-stages" and doc["rating_name"] == "Good" and doc["due"]
    # the same review log as `mianjing review`
    from mianjing.store.db import connect
    from mianjing.store.reviews import logs

    conn = connect()
    rows = logs(conn, "zero-stages")
    conn.close()
    assert len(rows) == 1 and rows[0].rating == 3 and rows[0].answer.startswith("optimizer")
    r = c.post("/api/review/zero-stages", json={"rating": 5})
    assert r.status_code == 400 and "Again" in r.json()["error"]


def test_calculators_return_the_commands_json():
    from typer.testing import CliRunner

    from mianjing.cli.app import app

    c = client_for()
    web = c.get("/api/calc/kv", params={"model": "llama-3.1-70b", "seq": "8192", "compare": "1"}).json()
    cli = json.loads(CliRunner().invoke(app, ["calc", "kv", "--model", "llama-3.1-70b", "--seq", "8192",
                                              "--compare", "--json"]).output)
    assert web == cli
    r = c.get("/api/calc/kv", params={"model": "llama-3.1-70b"})
    assert r.status_code == 400 and "--seq" in r.json()["error"]
    r = c.get("/api/calc/kv", params={"seq": "10", "model": "llama-3.1-8b", "colour": "red"})
    assert r.status_code == 400 and "unknown parameter 'colour'" in r.json()["error"]
    r = c.get("/api/calc/zero", params={"model": "no-such-model"})
    assert r.status_code == 400 and "unknown model" in r.json()["error"]


def test_zero_chart_parts_add_up_to_the_stage_totals():
    from mianjing.web.calc import run, zero_components

    doc, _ = run("zero", {"params": "7.5B", "gpus": "64"}, explain=False)
    chart = zero_components(doc)
    assert chart["labels"] == ["ZeRO-0", "ZeRO-1", "ZeRO-2", "ZeRO-3"]
    for i, total in enumerate(chart["totals"]):
        parts = sum(s["values"][i] for s in chart["series"])
        assert abs(parts - total) <= 3, (i, parts, total)
    assert chart["totals"][0] == 120_000_000_000  # (2 + 2 + 12) x 7.5B, the paper's figure


def test_settings_language_and_interview_date(monkeypatch):
    monkeypatch.delenv("MIANJING_LANG", raising=False)  # it would override the remembered choice, as in the CLI
    c = client_for()
    assert c.post("/api/settings", json={"lang": "en"}).json() == {"lang": "en"}
    assert '<html lang="en">' in c.get("/problems").text
    assert c.post("/api/settings", json={"lang": "fr"}).status_code == 400
    assert c.post("/api/settings", json={"interview_date": "2030-01-15"}).json()["interview_date"] == "2030-01-15"
    assert "2030-01-15" in c.get("/").text
    assert c.post("/api/settings", json={"interview_date": "15/01/2030"}).status_code == 400
    # remembered across launches: a new app on the same database starts in English
    assert '<html lang="en">' in client_for().get("/problems").text


def test_export_then_import_merges_without_duplicates(tmp_path, monkeypatch):
    c = client_for()
    c.put("/api/drafts/rmsnorm", json={"code": "my draft"})
    c.post("/api/review/zero-stages", json={"rating": 4})
    from mianjing.judge.service import record

    record(report("sqrt-int", "wrong_answer"), "def my_sqrt(x): return 0")
    exported = c.get("/api/export")
    assert "attachment" in exported.headers["content-disposition"]
    doc = exported.json()
    assert (len(doc["submissions"]), len(doc["card_reviews"]), len(doc["drafts"])) == (1, 1, 1)
    # into a fresh database: everything arrives
    monkeypatch.setenv("MIANJING_HOME", str(tmp_path / "other"))
    fresh = client_for()
    r = fresh.post("/api/import", content=json.dumps(doc), headers={"Content-Type": "application/json"})
    assert r.status_code == 200
    assert r.json()["imported"] == {"submissions": 1, "card_state": 1, "card_reviews": 1, "review_settings": 0,
                                    "drafts": 1}
    assert fresh.get("/api/problems/sqrt-int").json()["status"] == "attempted"
    again = fresh.post("/api/import", content=json.dumps(doc)).json()["imported"]
    assert again == {"submissions": 0, "card_state": 0, "card_reviews": 0, "review_settings": 0, "drafts": 0}
    # a file that is not an export changes nothing and says why
    r = fresh.post("/api/import", content=b'{"hello": 1}')
    assert r.status_code == 400 and "not a mianjing progress export" in r.json()["error"]
    bad = dict(doc, card_reviews=[{"card": "zero-stages"}])
    r = fresh.post("/api/import", content=json.dumps(bad))
    assert r.status_code == 400 and "lacks" in r.json()["error"]
    assert fresh.post("/api/import", content=b"{not json").status_code == 400


@pytest.mark.parametrize("path", ["/", "/problems", "/problems/rmsnorm", "/cards", "/cards/zero-stages", "/review",
                                  "/calc/params", "/calc/lora", "/calc/zero", "/calc/kv", "/calc/train", "/calc/infer",
                                  "/settings"])
def test_every_page_renders(path):
    r = client_for().get(path)
    assert r.status_code == 200 and "<main" in r.text and "Traceback" not in r.text


def _guide_events(problem: str) -> list[tuple[str, int | None]]:
    from mianjing.store.db import connect

    conn = connect()
    try:
        return [(r[0], r[1]) for r in conn.execute(
            "SELECT kind, level FROM guide_events WHERE problem = ? ORDER BY id", (problem,))]
    finally:
        conn.close()


def test_hints_one_at_a_time_and_recorded_as_the_cli_does():
    c = client_for()
    page = c.get("/problems/sqrt-int").text
    assert 'id="next-hint"' in page and 'class="hint"' not in page  # none shown until asked for
    first = c.post("/problems/sqrt-int/hints", headers={"Origin": "http://127.0.0.1:8765"})
    assert first.status_code == 200 and first.text.count('class="hint"') == 1
    second = c.post("/problems/sqrt-int/hints").text
    assert second.count('class="hint"') == 2
    assert _guide_events("sqrt-int") == [("hint", 1), ("hint", 2)]
    assert c.post("/problems/rmsnorm-nope/hints").status_code == 404


def test_solution_before_acceptance_is_recorded_and_after_it_is_not():
    from mianjing.judge.service import record

    c = client_for()
    shown = c.post("/problems/sqrt-int/solution").text
    assert 'class="solution"' in shown and ("思路" in shown or "Approach" in shown)
    assert _guide_events("sqrt-int") == [("reveal", None)]
    before = len(_guide_events("sqrt-int"))
    record(report("sqrt-int"), "def my_sqrt(x): ...")  # now solved
    assert 'class="solution"' in c.get("/problems/sqrt-int").text  # the tab holds it from the start
    c.post("/problems/sqrt-int/solution")
    assert len(_guide_events("sqrt-int")) == before  # no reveal recorded once solved


def test_the_verdict_panel_long_polls_and_shows_queued_then_the_verdict():
    judge = GatedJudge()
    c = client_for(judge)
    first = c.post("/api/judge/sqrt-int?wait=0", json={"code": "# a", "mode": "submit"}).json()["job"]
    second = c.post("/api/judge/sqrt-int?wait=0", json={"code": "# b", "mode": "run"}).json()["job"]
    r1 = c.get(f"/problems/sqrt-int/jobs/{first}?wait=0.2")
    r2 = c.get(f"/problems/sqrt-int/jobs/{second}?wait=0.2")
    assert (r1.status_code, r1.json()["state"]) == (202, "running")
    assert (r2.status_code, r2.json()["state"], r2.json()["position"]) == (202, "queued", 1)
    judge.gate.set()
    done = c.get(f"/problems/sqrt-int/jobs/{second}?wait=10")
    assert done.status_code == 200 and 'data-verdict="accepted"' in done.text
    assert c.get(f"/problems/rmsnorm/jobs/{first}").status_code == 404  # a job belongs to its problem


def test_the_page_submits_in_one_round_trip_when_the_judge_is_quick():
    c = client_for()
    r = c.post("/problems/sqrt-int/judge", json={"code": "def my_sqrt(x): return 0", "mode": "submit"})
    assert r.status_code == 200 and 'data-verdict="accepted"' in r.text and "example-1" in r.text
    assert c.post("/problems/sqrt-int/judge", json={"code": "x", "mode": "walk"}).status_code == 400
