"""A scripted mock round: answers from a file, a report whose scores follow from them, stored,
with weak cards due for review now and failed problems at the front of the plan."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mianjing.cards.bank import load_bank
from mianjing.cli.app import app
from mianjing.mock.planner import PROMPTS, plan_round
from mianjing.mock.report import (
    MockReport,
    failed_problems,
    history,
    store_report,
    weak_cards,
)
from mianjing.mock.runner import ScriptedResponder, run_round, score_problem
from mianjing.mock.templates import load_templates
from mianjing.paths import PROBLEMS_DIR
from mianjing.problems.bank import load_all
from mianjing.store.db import connect


@pytest.fixture(scope="module")
def sources():
    bank = load_bank()
    problems, _ = load_all()
    return bank, {p.id: p for p in problems}, load_templates()


def _answers(tmp_path: Path, bank, *, code: str | None, seconds: dict) -> Path:
    full = " ".join(bank.get("ppo-vs-dpo-vs-grpo").en.keypoints)
    one_point = bank.get("on-policy-vs-off-policy").en.keypoints[0]
    lines = ["[answers]", f"ppo-vs-dpo-vs-grpo = {json.dumps(full)}", f"on-policy-vs-off-policy = {json.dumps(one_point)}",
             f"paper = {json.dumps('. '.join(PROMPTS['paper']['en'][1]))}", "grpo-clip-vs-kl = \"\""]
    if code is not None:
        (tmp_path / "lcs_solution.py").write_text(code, encoding="utf-8")
        lines += ["[code]", 'lcs = "lcs_solution.py"']
    lines += ["[seconds]"] + [f"{k} = {v}" for k, v in seconds.items()]
    path = tmp_path / "answers.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _items(doc: dict) -> dict:
    return {i.get("card") or i.get("problem") or i["key"]: i for p in doc["parts"] for i in p["items"]}


def test_scripted_run_through_the_cli_is_scored_stored_and_scheduled(tmp_path, sources):
    bank, _, _ = sources
    reference = (PROBLEMS_DIR / "lcs" / "reference.py").read_text(encoding="utf-8")
    answers = _answers(tmp_path, bank, code=reference, seconds={"lcs": 1800, "grpo-clip-vs-kl": 30})
    result = CliRunner().invoke(app, ["mock", "run", "--company", "tencent-wxg", "--round", "2", "--seed", "0",
                                      "--answers", str(answers), "--workdir", str(tmp_path / "work"),
                                      "--no-service", "--lang", "en", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    items = _items(doc)
    assert items["ppo-vs-dpo-vs-grpo"]["score"] == 1.0 and items["ppo-vs-dpo-vs-grpo"]["missed"] == []
    clip = items["grpo-clip-vs-kl"]
    assert clip["score"] == 0.0 and clip["missed"] == bank.get("grpo-clip-vs-kl").en.keypoints
    onoff = items["on-policy-vs-off-policy"]
    assert bank.get("on-policy-vs-off-policy").en.keypoints[0] in onoff["hit"] and onoff["missed"]
    assert items["paper"]["score"] == 1.0
    lcs = items["lcs"]  # accepted, but 30 minutes for a 25-minute slot
    assert lcs["verdict"] == "accepted" and lcs["over_time"] is True and lcs["score"] == 0.75
    coding = next(p for p in doc["parts"] if p["kind"] == "coding")
    assert coding["over_time"] is True and coding["score"] == 0.75
    # overall: the minute-weighted mean of the part scores
    parts = [p for p in doc["parts"] if p["score"] is not None]
    expected = sum(p["score"] * p["minutes"] for p in parts) / sum(p["minutes"] for p in parts)
    assert doc["score"] == pytest.approx(expected, abs=1e-3)
    assert "Over time: coding" in doc["judgement"]
    # weak cards due now; nothing failed
    scheduled = {c["id"] for c in doc["scheduled_for_review"]}
    assert "grpo-clip-vs-kl" in scheduled and "ppo-vs-dpo-vs-grpo" not in scheduled
    assert doc["front_of_plan"] == []
    assert (tmp_path / "work" / "lcs.py").exists()  # the stub was written for the candidate
    conn = connect()
    state = conn.execute("SELECT due FROM card_state WHERE card = 'grpo-clip-vs-kl'").fetchone()
    assert datetime.fromisoformat(state[0]) <= datetime.now(timezone.utc) + timedelta(minutes=10)
    assert conn.execute("SELECT verdict FROM submissions WHERE problem = 'lcs'").fetchone()[0] == "accepted"
    listed = CliRunner().invoke(app, ["mock", "history", "--json"])
    assert [r["template"] for r in json.loads(listed.stdout)["rounds"]] == ["tencent-wxg-2"]
    shown = CliRunner().invoke(app, ["mock", "history", "--show", str(doc["id"]), "--json"])
    assert json.loads(shown.stdout)["score"] == doc["score"]


def test_failed_problem_goes_to_the_plan_front_until_accepted(tmp_path, sources):
    bank, problems, templates = sources
    rnd = plan_round(templates.get("tencent-wxg", 2), bank, problems, seed=0, lang="en")
    responder = ScriptedResponder(_answers(tmp_path, bank, code="def lcs(a, b):\n    return 0\n", seconds={}))
    judged = []

    def fake_judge(problem: str, code: str) -> dict:
        judged.append((problem, code))
        return {"problem": problem, "verdict": "wrong_answer", "passed": 3, "total": 10}

    parts = run_round(rnd, responder, fake_judge, problems=problems, workdir=tmp_path / "w")
    assert judged == [("lcs", "def lcs(a, b):\n    return 0\n")]
    lcs = parts[-1].items[0]
    assert lcs.score == pytest.approx(0.15) and lcs.verdict == "wrong_answer"
    conn = connect()
    now = datetime.now(timezone.utc)
    report = MockReport(rnd, parts, now, now)
    store_report(conn, report)
    assert report.failed_problems == ["lcs"]
    assert failed_problems(conn) == ["lcs"]
    assert "grpo-clip-vs-kl" in weak_cards(conn) and "ppo-vs-dpo-vs-grpo" not in weak_cards(conn)
    assert history(conn)[0]["template"] == "tencent-wxg-2"
    conn.execute("INSERT INTO submissions (problem, created_at, code, verdict, passed, total, time_ms, cases_json) "
                 "VALUES ('lcs', ?, '', 'accepted', 10, 10, 1.0, '[]')",
                 ((now + timedelta(seconds=5)).isoformat(timespec="seconds"),))
    assert failed_problems(conn) == []


def test_no_solution_scores_zero_and_problem_scores():
    assert score_problem(None, 0, 25) == 0.0
    assert score_problem({"verdict": "accepted"}, 60, 25) == 1.0
    assert score_problem({"verdict": "accepted"}, 25 * 60 + 1, 25) == 0.75
    assert score_problem({"verdict": "wrong_answer", "passed": 5, "total": 10}, 0, 25) == 0.25


@pytest.mark.parametrize("body, message", [
    ("[answers\n", "not a TOML answers file"),
    ("[answer]\nx = 1\n", "unknown table(s) answer"),
    ("[code]\nlcs = \"missing.py\"\n", "no such file"),
    ("[seconds]\nlcs = -3\n", "must be a number >= 0"),
])
def test_bad_answers_file_is_a_clear_error(tmp_path, body, message):
    path = tmp_path / "a.toml"
    path.write_text(body, encoding="utf-8")
    result = CliRunner().invoke(app, ["mock", "run", "-c", "tencent-wxg", "-r", "2", "--answers", str(path)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_plan_json_for_every_round_and_unknown_round(sources):
    _, _, templates = sources
    for t in templates.templates.values():
        result = CliRunner().invoke(app, ["mock", "plan", "-c", t.company, "-r", str(t.round), "--seed", "1", "--json"])
        assert result.exit_code == 0, result.output
        doc = json.loads(result.stdout)
        assert doc["template"] == t.id and len(doc["parts"]) == len(t.parts)
        assert all(p["questions"] for p in doc["parts"])
    result = CliRunner().invoke(app, ["mock", "plan", "-c", "bytedance-ecommerce", "-r", "2"])
    assert result.exit_code == 2 and "ended early" in result.output


def test_resume_claims_feed_the_resume_part(tmp_path):
    cv = tmp_path / "cv.md"
    cv.write_text("## Projects\nDocument QA (RAG)\n- Tuned GRPO on 3k samples\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["mock", "plan", "-c", "tencent-wxg", "-r", "2", "--resume", str(cv),
                                      "--seed", "0", "--json", "--lang", "en"])
    doc = json.loads(result.stdout)
    resume = next(p for p in doc["parts"] if p["kind"] == "resume")["questions"]
    assert len(resume) == 2 and all("line" in q["why"] for q in resume)
    assert {q["card"] for q in resume} <= {"grpo-objective", "grpo-clip-vs-kl", "grpo-weaknesses-and-fixes",
                                           "grpo-training-in-practice", "rag-pipeline", "rag-chunking",
                                           "rag-hybrid-retrieval-and-reranking", "rag-evaluation", "rag-bottlenecks-and-future"}
    asked = [q["card"] for p in doc["parts"] for q in p["questions"] if q.get("card")]
    assert len(asked) == len(set(asked))  # no card asked twice in one round


def test_interactive_round_on_the_terminal(tmp_path, monkeypatch):
    """Typed answers (an empty line ends one; Enter alone skips) are scored like scripted ones."""
    monkeypatch.chdir(tmp_path)
    bank = load_bank()
    first = bank.get("grpo-objective").zh.keypoints[0]
    typed = "\n".join(["", first, "", "", "", "", "", "", ""]) + "\n"  # resume skipped, one answer, the rest skipped
    result = CliRunner().invoke(app, ["mock", "run", "-c", "fliggy", "--seed", "0", "--lang", "zh"], input=typed)
    assert result.exit_code == 0, result.output
    conn = connect()
    (row,) = conn.execute("SELECT id, report_json FROM mock_rounds").fetchall()
    doc = json.loads(row["report_json"])
    items = _items(doc)
    assert first in items["grpo-objective"]["hit"] and items["kl-divergence-definition"]["score"] == 0.0
    assert {c["id"] for c in doc["scheduled_for_review"]} >= {"kl-divergence-definition", "when-can-you-start"}


def test_terminal_coding_judges_until_accepted_or_skipped(tmp_path, monkeypatch):
    from mianjing.cli import mock as mock_cli
    from mianjing.mock.planner import Question
    from mianjing.mock.runner import Clock

    verdicts = iter(["wrong_answer", "accepted"])
    calls = []

    def judge(problem, code):
        calls.append(problem)
        return {"verdict": next(verdicts), "passed": 1, "total": 2}

    keys = iter(["", ""])
    monkeypatch.setattr(mock_cli.console, "input", lambda prompt="": next(keys))
    stub = tmp_path / "lcs.py"
    stub.write_text("def lcs(a, b):\n    return 0\n", encoding="utf-8")
    q = Question(key="lcs", kind="problem", text="LCS", problem="lcs", minutes=25)
    r = mock_cli.TerminalResponder("en").code(q, stub, Clock(60, 25), judge)
    assert calls == ["lcs", "lcs"] and r.judged["verdict"] == "accepted" and r.code_file == stub
    keys = iter(["s"])
    r = mock_cli.TerminalResponder("en").code(q, stub, Clock(60, 25), judge)
    assert r.judged is None and len(calls) == 2


def test_a_round_cut_short_stores_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["mock", "run", "-c", "fliggy"], input="")
    assert result.exit_code == 130 and "not stored" in result.output
    assert connect().execute("SELECT COUNT(*) FROM mock_rounds").fetchone()[0] == 0
