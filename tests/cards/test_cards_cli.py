"""The card commands end to end: cards list/show/search/coverage/weakest/check, review, plan."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta

import pytest
from typer.testing import CliRunner

from mianjing.cli import cards as cards_cli
from mianjing.cli.app import app
from mianjing.store import reviews as store
from mianjing.store.db import connect

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def _json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _ratings():
    conn = connect()
    try:
        return [(log.card, log.rating) for log in store.logs(conn)]
    finally:
        conn.close()


# --- cards list / show / search ------------------------------------------------------------
def test_list_json(sample_bank):
    doc = _json(run("cards", "list", "--json"))
    assert doc["count"] == 2
    assert [c["id"] for c in doc["cards"]] == ["kl-cross-entropy", "vit-patch-count"]
    assert doc["cards"][0]["question"]["en"].startswith("How are KL divergence")


def test_list_table_and_filters(sample_bank):
    result = run("cards", "list", "--lang", "en")
    assert result.exit_code == 0 and "kl-cross-entropy" in result.stdout and "How are KL" in result.stdout
    assert _json(run("cards", "list", "--tag", "vit", "--json"))["count"] == 1
    bad = run("cards", "list", "--topic", "nope")
    assert bad.exit_code == 2 and "no topic 'nope'" in bad.stderr
    assert run("cards", "list", "--lang", "fr").exit_code == 2


def test_show(sample_bank):
    doc = _json(run("cards", "show", "vit-patch-count", "--json"))
    assert doc["en"]["keypoints"] == ["16×16 patches", "196 patches", "sequence length 197 with the CLS token"]
    assert doc["sources"] and doc["checks"] == ["vit_patches_224_16"]
    text = run("cards", "show", "kl-cross-entropy", "--lang", "both")
    assert text.exit_code == 0
    assert "完整回答" in text.stdout and "Full answer" in text.stdout and "Cover and Thomas" in text.stdout
    missing = run("cards", "show", "kl-cross-entrpy")
    assert missing.exit_code == 2 and "did you mean kl-cross-entropy" in missing.stderr


def test_search(sample_bank):
    doc = _json(run("cards", "search", "交叉熵", "--json"))
    assert [c["id"] for c in doc["cards"]] == ["kl-cross-entropy"]
    doc = _json(run("cards", "search", "patch 224", "--json"))
    assert [c["id"] for c in doc["cards"]] == ["vit-patch-count"]
    assert _json(run("cards", "search", "rope", "--json"))["count"] == 0


def test_invalid_card_warns_but_others_still_list(sample_bank):
    (sample_bank / "math" / "broken.md").write_text("no header\n", encoding="utf-8")
    result = run("cards", "list", "--json")
    assert _json(result)["count"] == 2
    assert "1 card file(s) fail validation" in result.stderr


# --- coverage ------------------------------------------------------------------------------
def test_coverage_json(sample_bank):
    doc = _json(run("cards", "coverage", "--json"))
    items = {i["id"]: i for i in doc["items"]}
    assert set(items["K38"]) >= {"id", "cards", "problems", "scope"}
    assert items["K38"]["cards"] == ["kl-cross-entropy"] and items["K38"]["problems"] == []
    assert "K01" in doc["missing"] and "K38" not in doc["missing"]
    assert items["A02"]["scope"] == "feature" and "A02" not in doc["missing"]


def test_coverage_table(sample_bank):
    result = run("cards", "coverage", "--all")
    assert result.exit_code == 0
    assert "knowledge (K)" in result.stdout and "No card yet" in result.stdout
    assert "product features" in result.stdout


# --- check ---------------------------------------------------------------------------------
def test_check_runs_named_checks(sample_bank):
    doc = _json(run("cards", "check", "--json"))
    assert doc["ok"] is True and doc["issues"] == []
    assert sorted(c["check"] for c in doc["checks"]) == ["kl_equals_ce_minus_entropy", "vit_patches_224_16"]


def test_check_fails_on_false_claim_and_invalid_card(sample_bank):
    checks = sample_bank / "math" / "checks.py"
    checks.write_text(checks.read_text().replace("== 196", "== 197"))
    result = run("cards", "check", "vit-patch-count")
    assert result.exit_code == 1 and "FAILED" in result.stdout and "claim is false" in result.stdout
    (sample_bank / "math" / "oops.md").write_text("+++\nid = 1\n+++\n", encoding="utf-8")
    doc = json.loads(run("cards", "check", "--no-run", "--json").stdout)
    assert doc["ok"] is False and doc["checks"] == []
    assert any(i["path"].endswith("oops.md") and i["field"] == "id" for i in doc["issues"])
    # naming an invalid card reports its issues instead of "no such card"
    named = run("cards", "check", "oops", "--json")
    assert named.exit_code == 1
    found = [(i["field"], i["message"]) for i in json.loads(named.stdout)["issues"]]
    assert ("id", "must be a string, got int") in found and ("en", "section '## en' is missing; both languages are required") in found


# --- review --------------------------------------------------------------------------------
def test_review_session_end_to_end(sample_bank):
    # card 1 (kl, basic): a partial answer, a wrong rating word, then Good
    # card 2 (vit): an empty answer, then Easy
    script = "交叉熵等于熵加上KL散度\nmaybe\n3\n\n4\n"
    result = run("review", "--lang", "zh", input=script)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "1/2" in out and "2/2" in out
    assert "KL 散度和交叉熵是什么关系" in out and "ViT 论文里的 patch" in out
    assert "✓ 交叉熵等于熵加 KL 散度" in out and "✗ KL 非负且不对称" in out
    assert "要点: 1/3 in your answer" in out and "要点 (no answer typed)" in out
    assert "'maybe' is not a rating" in out
    assert "Session done: 2 card(s) reviewed" in out
    assert _ratings() == [("kl-cross-entropy", 3), ("vit-patch-count", 4)]
    conn = connect()
    [first, second] = store.logs(conn)
    conn.close()
    assert first.answer == "交叉熵等于熵加上KL散度" and (first.keypoints_hit, first.keypoints_total) == (1, 3)
    assert second.answer == "" and second.keypoints_hit == 0
    # both are scheduled in the future now: nothing left to review
    again = run("review")
    assert again.exit_code == 0 and "Nothing to review now" in again.stdout


def test_review_english_and_full_answer(sample_bank):
    result = run("review", "--lang", "en", "--limit", "1", input="cross entropy is entropy plus KL divergence\nf\n2\n")
    assert result.exit_code == 0, result.output
    assert "How are KL divergence" in result.stdout
    assert "Key points: 1/3 in your answer" in result.stdout
    # `f` shows the full answer, the derivation, the follow-ups and the common mistakes
    flowed = " ".join(result.stdout.split())  # where the terminal wraps a line does not matter
    for part in ("gap between them is exactly", "Derivation", "Is KL symmetric?", "Calling KL a distance"):
        assert part in flowed
    assert _ratings() == [("kl-cross-entropy", 2)]


def test_review_topic_filter(sample_bank):
    assert run("review", "--topic", "nope").exit_code == 2


def test_interrupted_by_eof_keeps_ratings(sample_bank):
    # rate the first card, then input ends while the second card's answer is awaited
    result = run("review", input="\n1\n")
    assert result.exit_code == 0, result.output
    assert "Stopped after 1 of 2 cards; all 1 rating(s) are saved" in result.stdout
    assert _ratings() == [("kl-cross-entropy", 1)]


def test_quit_at_rating_prompt_keeps_earlier_ratings(sample_bank):
    result = run("review", input="\n3\nsomething\nq\n")
    assert result.exit_code == 0
    assert "Stopped after 1 of 2" in result.stdout
    assert _ratings() == [("kl-cross-entropy", 3)]


def test_ctrl_c_keeps_ratings(sample_bank, monkeypatch):
    answers = iter(["", "4", "half an answer"])

    def fake_ask(prompt):
        try:
            return next(answers)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(cards_cli, "_ask", fake_ask)
    result = run("review")
    assert result.exit_code == 130
    assert "Stopped after 1 of 2 cards" in result.stdout
    assert _ratings() == [("kl-cross-entropy", 4)]


# --- plan and weakest ----------------------------------------------------------------------
def test_plan_sets_date_and_review_respects_it(sample_bank):
    today = date.today()
    interview = today + timedelta(days=10)
    doc = _json(run("plan", "--interview-date", interview.isoformat(), "--json"))
    assert doc["interview_date"] == interview.isoformat() and doc["days_left"] == 10
    assert doc["new"] == 2 and sum(d["new"] for d in doc["days"]) == 2 and doc["days"][-1]["new"] == 0
    assert doc["desired_retention"] > 0.90
    # remembered: plan without the option, and review uses the date
    assert _json(run("plan", "--json"))["interview_date"] == interview.isoformat()
    result = run("review", input="\n4\n\n4\n")
    assert "Interview on" in result.stdout
    conn = connect()
    states = store.all_states(conn)
    conn.close()
    from mianjing.cards.review import interview_cutoff

    assert all(s.due <= interview_cutoff(interview) for s in states.values())
    text = run("plan")
    assert text.exit_code == 0 and "Day by day" in text.stdout
    cleared = run("plan", "--clear")
    assert cleared.exit_code == 0
    assert run("plan").exit_code == 2


def test_plan_rejects_bad_dates(sample_bank):
    bad = run("plan", "--interview-date", "next friday")
    assert bad.exit_code == 2 and "must be a date like" in bad.stderr and bad.stdout == ""
    past = run("plan", "--interview-date", (date.today() - timedelta(days=1)).isoformat())
    assert past.exit_code == 2 and "is not after today" in past.stderr
    assert run("plan").exit_code == 2  # nothing stored


def test_weakest(sample_bank):
    doc = _json(run("cards", "weakest", "--json"))
    assert doc == {"cards": [], "unreviewed": 2}
    run("review", input="\n1\n\n4\n")
    doc = _json(run("cards", "weakest", "--json"))
    assert [c["id"] for c in doc["cards"]][0] == "kl-cross-entropy"  # rated Again
    assert doc["unreviewed"] == 0
    assert all(0 <= c["retrievability"] <= 1 for c in doc["cards"])
    assert run("cards", "weakest").exit_code == 0


# --- start-up: no torch ----------------------------------------------------------------------
def test_card_commands_do_not_import_torch(tmp_path):
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from mianjing.cli.app import app\n"
        "r = CliRunner()\n"
        "for args in (['cards','list'], ['cards','show','zero-stages'], ['cards','search','ZeRO'],\n"
        "             ['cards','coverage'], ['cards','weakest'], ['cards','check','--no-run'],\n"
        "             ['plan','--interview-date','2099-01-01'], ['review','--limit','1']):\n"
        "    res = r.invoke(app, args, input='q\\n')\n"
        "    assert res.exception is None or isinstance(res.exception, SystemExit), (args, res.exception)\n"
        "    assert 'torch' not in sys.modules, args\n"
        "print('ok')\n"
    )
    env = dict(os.environ, MIANJING_HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-2000:]


def test_every_card_command_is_documented():
    """docs/cards.md shows the usage of each command this module registers, and each has help."""
    import typer

    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "cards.md").read_text(encoding="utf-8")
    probe = typer.Typer()
    cards_cli.register(probe)
    names = [c.name for c in probe.registered_commands]
    sub = [g.typer_instance for g in probe.registered_groups if g.name == "cards"][0]
    names += [f"cards {c.name}" for c in sub.registered_commands]
    assert set(names) >= {"review", "plan", "cards list", "cards show", "cards search", "cards coverage",
                          "cards weakest", "cards check"}
    for name in names:
        assert f"mianjing {name}" in doc, f"docs/cards.md does not show `mianjing {name}`"
        result = run(*name.split(), "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout


@pytest.mark.parametrize("command", [["review"], ["cards", "weakest"], ["cards", "check"], ["cards", "list"]])
def test_unknown_topic_is_a_usage_error(sample_bank, command):
    result = run(*command, "--topic", "nope")
    assert result.exit_code == 2 and "no topic 'nope'; topics: math" in result.stderr


def test_markup_in_user_input_is_shown_literally(sample_bank):
    result = run("cards", "show", "[/bold]")
    assert result.exit_code == 2 and "no card '[/bold]'" in result.stderr
    result = run("review", "--limit", "1", input="[red]x[/red]\n[/oops]\n3\n")
    assert result.exit_code == 0 and "'[/oops]' is not a rating" in result.stdout
