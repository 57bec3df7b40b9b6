"""`mianjing hint`, `mianjing solution`, the acceptance pointer of `mianjing judge`, and how revealed
solutions show in `list` and `stats`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

from typer.testing import CliRunner

from mianjing.cli.app import app
from mianjing.paths import PROBLEMS_DIR
from mianjing.problems.guides import load_hints, load_solution
from mianjing.store.db import connect
from mianjing.store.guides import REDO_AFTER, help_by_problem, redo_due, solved_with_help, unaided
from mianjing.store.progress import record_submission

runner = CliRunner()
REF = PROBLEMS_DIR / "sqrt-int" / "reference.py"


def mj(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mianjing.cli.app", *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=300)


def run(*args: str):
    return runner.invoke(app, list(args))


def accepted(problem: str) -> dict:
    return {"problem": problem, "verdict": "accepted", "passed": 1, "total": 1, "time_ms": 1.0, "cases": []}


def events(kind: str) -> list[tuple]:
    conn = connect()
    try:
        return [tuple(r) for r in conn.execute("SELECT problem, level, lang FROM guide_events WHERE kind = ? ORDER BY id",
                                               (kind,))]
    finally:
        conn.close()


def test_hint_goes_one_level_further_each_time_and_is_recorded():
    hints = load_hints(PROBLEMS_DIR / "lis", "en")
    docs = [json.loads(run("hint", "lis", "--lang", "en", "--json").stdout) for _ in range(len(hints) + 1)]
    assert [d["level"] for d in docs] == list(range(1, len(hints) + 1)) + [len(hints)]  # stays on the last
    assert docs[0]["hint"] == hints[0] and docs[-1]["next_level"] is None and docs[0]["next_level"] == 2
    res = run("hint", "lis", "--level", "1")  # Chinese by default, plain text
    assert res.exit_code == 0 and "hint 1/" in res.stdout
    assert events("hint") == [("lis", i, "en") for i in range(1, len(hints) + 1)] + [("lis", len(hints), "en"),
                                                                                      ("lis", 1, "zh")]


def test_hint_bad_input_is_a_clear_error():
    res = run("hint", "lis", "--level", "9")
    assert res.exit_code == 2 and "--level must be between 1 and" in res.output
    res = run("hint", "no-such-problem")
    assert res.exit_code == 2 and "unknown problem id" in res.output
    res = run("hint", "lis", "--lang", "fr")
    assert res.exit_code == 2 and "--lang must be one of" in res.output
    assert events("hint") == []  # nothing recorded for a refused request


def test_solution_is_locked_until_accepted_or_revealed():
    res = run("solution", "sqrt-int")
    assert res.exit_code == 1 and "--reveal" in res.output
    assert events("reveal") == []
    res = run("solution", "sqrt-int", "--reveal", "--lang", "en", "--json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    sol = load_solution(PROBLEMS_DIR / "sqrt-int", "en")
    assert doc["revealed"] and not doc["solved"] and doc["sections"] == sol.sections and doc["cards"] == sol.cards
    assert events("reveal") == [("sqrt-int", None, "en")]
    text = run("solution", "sqrt-int", "--reveal")  # Chinese, rendered
    assert text.exit_code == 0 and "复杂度" in text.stdout and "recorded as revealed" in text.stdout


def test_after_acceptance_the_solution_is_shown_without_recording():
    conn = connect()
    record_submission(conn, accepted("lis"), "code")
    conn.close()
    res = run("solution", "lis", "--lang", "en", "--json")
    assert res.exit_code == 0 and json.loads(res.stdout)["solved"] and not json.loads(res.stdout)["revealed"]
    assert events("reveal") == []
    listed = {p["id"]: p["status"] for p in json.loads(run("list", "--json").stdout)["problems"]}
    assert listed["lis"] == "solved"


def test_reveal_then_accept_is_solved_with_help_and_due_again():
    assert run("solution", "lcs", "--reveal", "--json").exit_code == 0
    conn = connect()
    record_submission(conn, accepted("lcs"), "code")
    record_submission(conn, accepted("lis"), "code")  # solved on its own, for contrast
    conn.close()
    listed = {p["id"]: p["status"] for p in json.loads(run("list", "--json").stdout)["problems"]}
    assert listed["lcs"] == "solved_with_help" and listed["lis"] == "solved"
    stats = json.loads(run("stats", "--json").stdout)
    assert stats["groups"]["kind:algo"]["solved_with_help"] == 1 and stats["groups"]["kind:algo"]["solved"] == 1
    assert stats["redo_due"] == []  # scheduled, not yet due
    # move the reveal and the helped acceptance back in time: now the redo is due and shows in stats
    conn = connect()
    then = datetime.now(timezone.utc) - REDO_AFTER - timedelta(hours=1)
    conn.execute("UPDATE guide_events SET created_at = ? WHERE problem = 'lcs'", (then.isoformat(timespec="seconds"),))
    conn.execute("UPDATE submissions SET created_at = ? WHERE problem = 'lcs'",
                 ((then + timedelta(minutes=5)).isoformat(timespec="seconds"),))
    conn.close()
    listed = {p["id"]: p["status"] for p in json.loads(run("list", "--json").stdout)["problems"]}
    assert listed["lcs"] == "solved_with_help"
    stats = json.loads(run("stats", "--json").stdout)
    assert [r["problem"] for r in stats["redo_due"]] == ["lcs"]
    assert "due again" in run("stats").stdout
    interview = (datetime.now(timezone.utc) + timedelta(days=30)).date().isoformat()
    plan = run("plan", "--interview-date", interview, "--json")
    assert plan.exit_code == 0, plan.output
    assert json.loads(plan.stdout)["problems_due_again"] == ["lcs"]
    assert "Problems due again" in run("plan").stdout and "lcs" in run("plan").stdout
    # solving it again after the redo date counts as solved on one's own and clears the redo
    conn = connect()
    record_submission(conn, accepted("lcs"), "code again")
    conn.close()
    assert json.loads(run("stats", "--json").stdout)["redo_due"] == []
    assert json.loads(run("plan", "--json").stdout)["problems_due_again"] == []
    listed = {p["id"]: p["status"] for p in json.loads(run("list", "--json").stdout)["problems"]}
    assert listed["lcs"] == "solved"


def test_store_rules_for_help(tmp_path):
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert not unaided(t0 + timedelta(hours=1), [t0])
    assert unaided(t0 + REDO_AFTER, [t0]) and unaided(t0 - timedelta(seconds=1), [t0])
    conn = connect(tmp_path / "db.sqlite3")
    conn.execute("INSERT INTO guide_events (problem, kind, level, lang, created_at) VALUES "
                 "('mha', 'hint', 2, 'en', ?), ('mha', 'hint', 1, 'en', ?), ('mha', 'reveal', NULL, 'en', ?)",
                 (t0.isoformat(), t0.isoformat(), t0.isoformat()))
    h = help_by_problem(conn)["mha"]
    assert h.hints == 2 and h.redo_at == t0 + REDO_AFTER
    assert [x.problem for x in redo_due(conn, now=t0 + REDO_AFTER)] == ["mha"]
    assert redo_due(conn, now=t0 + REDO_AFTER - timedelta(seconds=1)) == []
    assert solved_with_help(conn) == set()  # revealed but never accepted: not solved at all


def test_judge_acceptance_points_to_solution_and_cards(tmp_path):
    cards = load_solution(PROBLEMS_DIR / "sqrt-int", "en").cards
    res = mj("judge", "sqrt-int", str(REF), "--no-service", "--seed", "1")  # the typer command, text output
    assert res.returncode == 0, res.stderr
    assert "next: mianjing solution sqrt-int" in res.stdout and cards[0] in res.stdout
    wrong = tmp_path / "w.py"
    wrong.write_text("def my_sqrt(x):\n    return x\n")
    res = mj("judge", "sqrt-int", str(wrong), "--no-service", "--seed", "1")
    assert res.returncode == 1 and "mianjing solution" not in res.stdout
    try:  # the fast path over the warm service, JSON: existing fields unchanged, `next` added
        res = mj("judge", "sqrt-int", str(REF), "--json", "--seed", "1")
        assert res.returncode == 0, res.stderr
        doc = json.loads(res.stdout)
        assert doc["verdict"] == "accepted" and doc["passed"] == doc["total"] > 0
        assert doc["next"] == {"solution": "mianjing solution sqrt-int", "cards": cards}
    finally:
        mj("service", "stop")


def test_hint_and_solution_do_not_import_torch():
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom mianjing.cli.app import app\n"
        "r = CliRunner()\nassert r.invoke(app, ['hint', 'mha']).exit_code == 0\n"
        "res = r.invoke(app, ['solution', 'mha', '--reveal', '--json'])\nassert res.exit_code == 0, res.output\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\nprint('clean')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ))
    assert out.returncode == 0 and "clean" in out.stdout, out.stderr
