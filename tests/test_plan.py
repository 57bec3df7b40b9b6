"""`mianjing plan`'s schedule: every part of A01 before the interview, never on or after it, and it adapts."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from typer.testing import CliRunner

from mianjing.cards.bank import load_bank
from mianjing.cli.app import app
from mianjing.mock.study import MODEL_REQUIRED, REPORTS, State, build_plan
from mianjing.problems.bank import load_all

TODAY = date(2026, 3, 2)
INTERVIEW = TODAY + timedelta(days=30)


@pytest.fixture(scope="module")
def content():
    problems, _ = load_all()
    return list(load_bank().cards.values()), problems


def plan(content, state=None, **kw):
    cards, problems = content
    args = dict(today=TODAY, interview=INTERVIEW, hours_per_day=5, cards=cards, problems=problems, state=state or State(),
                lang="en") | kw
    return build_plan(**args)


def placed(p):
    return [(d.day, i) for d in p.days for i in d.items]


def test_enough_time_covers_every_required_part_before_the_date(content):
    cards, problems = content
    p = plan(content)
    assert p.complete and not [i for i in p.unscheduled if i.required]
    assert [d.day for d in p.days] == [TODAY + timedelta(days=k) for k in range(30)]
    items = [i for _, i in placed(p)]
    refs = {(i.kind, i.ref) for i in items}
    for key, _, _, _, required in REPORTS:
        if required:
            assert ("read", key) in refs, key
    assert {("problem", pid) for pid in MODEL_REQUIRED} <= refs
    hot = [p_.id for p_ in problems if p_.set_name == "hot100"]
    assert {("problem", pid) for pid in hot} <= refs
    non_report_cards = {c.id for c in cards if c.topic != "reports"}
    assert {("card", cid) for cid in non_report_cards} <= refs
    assert {i.part for i in items} >= {"cards-classic", "cards-recent", "reports", "hot100", "model", "mocks"}
    for d in p.days:
        assert d.used <= d.budget + 1e-9


def test_too_little_time_never_schedules_past_the_date(content):
    p = plan(content, hours_per_day=1)
    assert not p.complete and p.unscheduled
    assert all(TODAY <= day < INTERVIEW for day, _ in placed(p))
    assert all(d.used <= 60 + 1e-9 for d in p.days)
    assert p.to_dict()["required_hours_unscheduled"] > 0


def test_order_classic_before_recent_and_mocks_in_the_last_week(content):
    p = plan(content)
    flat = [i for _, i in placed(p)]
    classic = [n for n, i in enumerate(flat) if i.part == "cards-classic"]
    recent = [n for n, i in enumerate(flat) if i.part == "cards-recent"]
    assert classic and recent and max(classic) < min(recent)
    mocks = [day for day, i in placed(p) if i.part == "mocks"]
    assert mocks and all((INTERVIEW - day).days <= 7 for day in mocks)
    assert max(mocks) == INTERVIEW - timedelta(days=1)
    hot_rows = [int(i.title.split()[0][1:]) for i in flat if i.part == "hot100"]
    assert hot_rows == sorted(hot_rows)  # Hot 100 row by row, so section by section


def test_it_adapts_learned_and_solved_drop_out_weak_goes_first(content):
    cards, _ = content
    base = plan(content)
    learned = {c.id for c in cards[:20]} - {"grpo-clip-vs-kl"}
    state = State(learned_cards=learned, solved_problems={"two-sum", "mha"}, weak_cards=["grpo-clip-vs-kl"],
                  failed_problems=["lcs"])
    p = plan(content, state)
    refs = [i.ref for _, i in placed(p)]
    assert not learned & set(refs) and "two-sum" not in refs and "mha" not in refs
    first = p.days[0].items
    assert [(i.ref, i.part) for i in first[:2]] == [("lcs", "front"), ("grpo-clip-vs-kl", "front")]
    assert refs.count("grpo-clip-vs-kl") == 1 and refs.count("lcs") == 1
    assert len(refs) < len([i.ref for _, i in placed(base)])
    # a weak card learned since (reviewed up to FSRS state Review) no longer jumps the queue
    again = plan(content, State(learned_cards={"grpo-clip-vs-kl"}, weak_cards=["grpo-clip-vs-kl"]))
    assert "grpo-clip-vs-kl" not in [i.ref for _, i in placed(again)]


def test_missed_days_roll_forward(content):
    first = plan(content)
    later = plan(content, today=TODAY + timedelta(days=3))  # three days passed, nothing done
    assert later.days[0].day == TODAY + timedelta(days=3)
    missed = [i.ref for d in first.days[:3] for i in d.items if i.kind in ("card", "problem")]
    still = {i.ref for _, i in placed(later)}
    assert missed and set(missed) <= still
    assert all(day < INTERVIEW for day, _ in placed(later))


def test_multimodal_resume_makes_qwen25_vl_required(content):
    plain = plan(content)
    mm = plan(content, State(multimodal=True))
    vl = [i for _, i in placed(mm) if i.ref == "qwen2.5-vl"]
    assert vl and all(i.required for i in vl)
    assert all(not i.required for _, i in placed(plain) if i.ref == "qwen2.5-vl")


def test_bad_dates_and_budgets(content):
    with pytest.raises(ValueError, match="not after today"):
        plan(content, interview=TODAY)
    with pytest.raises(ValueError, match="hours-per-day"):
        plan(content, hours_per_day=0.1)


def test_cli_keeps_old_fields_and_adds_the_schedule():
    when = (date.today() + timedelta(days=20)).isoformat()
    result = CliRunner().invoke(app, ["plan", "--interview-date", when, "--hours-per-day", "6", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    for key in ("interview_date", "today", "days_left", "desired_retention", "cards", "new", "due_now", "weakest",
                "days", "problems_due_again"):
        assert key in doc
    schedule = doc["schedule"]
    assert schedule["complete"] is True and schedule["hours_per_day"] == 6
    assert all(d["date"] < when for d in schedule["days"])
    today = CliRunner().invoke(app, ["plan", "--today", "--lang", "en"])
    assert today.exit_code == 0 and schedule["days"][0]["items"][0]["ref"] in today.output
    ieg = CliRunner().invoke(app, ["plan", "--company", "tencent-ieg", "--json"])
    mocks = [i["ref"] for d in json.loads(ieg.stdout)["schedule"]["days"] for i in d["items"] if i["part"] == "mocks"]
    assert mocks and set(mocks) <= {"tencent-ieg-1", "tencent-ieg-2", "tencent-ieg-3"} and mocks[0] == "tencent-ieg-1"
    unknown = CliRunner().invoke(app, ["plan", "--company", "acme"])
    assert unknown.exit_code == 2 and "no mock rounds for company 'acme'" in unknown.output
    bad = CliRunner().invoke(app, ["plan", "--hours-per-day", "40"])
    assert bad.exit_code == 2 and "between 0.5 and 16" in bad.output
