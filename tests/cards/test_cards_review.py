"""FSRS scheduling, the interview date, weakest cards, the plan, and the stored review log."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import fsrs
import pytest

from mianjing.cards.bank import load_bank
from mianjing.cards.review import (
    Reviewer,
    export_review_logs,
    interview_cutoff,
    local_date,
    set_interview_date,
    set_parameters,
    target_retention,
)
from mianjing.store import reviews as store
from mianjing.store.db import connect

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def conn():
    c = connect()
    yield c
    c.close()


@pytest.fixture
def cards(sample_bank):
    return list(load_bank(sample_bank).cards.values())


def test_new_card_review_is_stored_with_its_log(conn):
    r = Reviewer(conn, interview_date=None, fuzz=False)
    out = r.review("kl-cross-entropy", 3, now=T0, duration_ms=1200, lang="zh", answer="交叉熵",
                   keypoints_hit=1, keypoints_total=3)
    row = store.get_state(conn, "kl-cross-entropy")
    assert row.reps == 1 and row.lapses == 0 and row.last_review == T0 and row.due == out.due
    assert out.due == T0 + timedelta(minutes=10)  # FSRS learning step after Good on a new card
    [log] = store.logs(conn)
    assert (log.card, log.rating, log.answer, log.keypoints_hit, log.duration_ms) == ("kl-cross-entropy", 3, "交叉熵", 1, 1200)
    assert log.desired_retention == 0.9


def test_schedule_is_exactly_fsrs(conn):
    """The stored due dates equal what fsrs.Scheduler computes for the same ratings and times."""
    r = Reviewer(conn, interview_date=None, fuzz=False)
    sched = fsrs.Scheduler(enable_fuzzing=False)
    ref = fsrs.Card(card_id=1, due=T0)
    now = T0
    for rating in (3, 3, 1, 3, 4, 2, 3):
        out = r.review("vit-patch-count", rating, now=now)
        ref, _ = sched.review_card(ref, fsrs.Rating(rating), review_datetime=now)
        assert out.due == ref.due
        row = store.get_state(conn, "vit-patch-count")
        assert row.stability == pytest.approx(ref.stability) and row.difficulty == pytest.approx(ref.difficulty)
        now = out.due
    assert store.get_state(conn, "vit-patch-count").lapses == 1  # the Again on a card in Review


def test_logs_reproduce_state_for_optimisation(conn):
    r = Reviewer(conn, interview_date=None, fuzz=False)
    now = T0
    for rating in (3, 3, 4, 2, 3):
        now = r.review("kl-cross-entropy", rating, now=now).due
    r.review("vit-patch-count", 1, now=T0)
    logs = export_review_logs(conn)
    assert len(logs) == 6 and all(isinstance(log, fsrs.ReviewLog) for log in logs)
    row = store.get_state(conn, "kl-cross-entropy")
    mine = [log for log in logs if log.card_id == row.fsrs_id]
    assert len(mine) == 5
    rebuilt = fsrs.Scheduler(enable_fuzzing=False).reschedule_card(fsrs.Card(card_id=row.fsrs_id), mine)
    assert rebuilt.due == row.due and rebuilt.stability == pytest.approx(row.stability)


def test_invalid_rating_stores_nothing(conn):
    r = Reviewer(conn, interview_date=None)
    with pytest.raises(ValueError, match="rating must be"):
        r.review("kl-cross-entropy", 5, now=T0)
    assert store.logs(conn) == [] and store.get_state(conn, "kl-cross-entropy") is None


def test_target_retention_rises_as_the_interview_nears():
    values = [target_retention(d) for d in range(90, -1, -1)]
    assert values == sorted(values)  # non-decreasing as days_left shrinks
    assert target_retention(None) == target_retention(90) == 0.90
    assert target_retention(3) == target_retention(0) == 0.97
    assert 0.90 < target_retention(20) < target_retention(10) < 0.97
    assert target_retention(-1) == 0.90  # the interview is over


def test_no_interval_runs_past_the_interview(conn):
    interview = local_date(T0) + timedelta(days=12)
    cut = interview_cutoff(interview)
    r = Reviewer(conn, interview_date=interview)  # fuzz on: the guarantee must hold regardless
    now, clamped = T0, False
    while now < cut:
        out = r.review("kl-cross-entropy", 4, now=now)
        assert out.due <= cut
        clamped |= out.clamped
        now = out.due
    assert clamped  # Easy, Easy, ... would have gone past it


def test_closer_interview_gives_shorter_interval(conn):
    far = Reviewer(conn, interview_date=local_date(T0) + timedelta(days=200), fuzz=False)
    near = Reviewer(conn, interview_date=local_date(T0) + timedelta(days=40), fuzz=False)
    assert near.scheduler(T0).desired_retention > far.scheduler(T0).desired_retention
    # same history for both cards, then compare the next interval
    for r, cid in ((far, "kl-cross-entropy"), (near, "vit-patch-count")):
        now = T0
        for rating in (3, 3):
            now = r.review(cid, rating, now=now).due
    a = far.review("kl-cross-entropy", 3, now=now).due
    b = near.review("vit-patch-count", 3, now=now).due
    assert b < a


def test_date_set_later_pulls_due_dates_in(conn, cards):
    r = Reviewer(conn, interview_date=None, fuzz=False)
    now = T0
    for rating in (4, 4, 4):
        last, now = now, r.review("kl-cross-entropy", rating, now=now).due
    now = last + timedelta(days=1)  # a day after the last review, the date gets set
    row = store.get_state(conn, "kl-cross-entropy")
    interview = local_date(now) + timedelta(days=5)
    assert row.due > interview_cutoff(interview)
    set_interview_date(conn, interview)
    dated = Reviewer(conn, fuzz=False)  # reads the stored date
    assert dated.interview_date == interview
    [mem] = [m for m in dated.memories(cards, now) if m.card.id == "kl-cross-entropy"]
    assert mem.due == interview_cutoff(interview)


def test_weakest_orders_by_retrievability(conn, cards):
    r = Reviewer(conn, interview_date=None, fuzz=False)
    # kl: learnt well long ago; vit: failed once recently: vit is weaker now
    now = T0
    for rating in (3, 3, 3):
        now = r.review("kl-cross-entropy", rating, now=now).due
    later = now + timedelta(days=3)
    r.review("vit-patch-count", 1, now=later - timedelta(days=2))
    weak = r.weakest(cards, now=later)
    assert [m.card.id for m in weak] == ["vit-patch-count", "kl-cross-entropy"]
    assert weak[0].retrievability < weak[1].retrievability <= 1
    sched = r.scheduler(later)
    row = store.get_state(conn, "vit-patch-count")
    assert weak[0].retrievability == pytest.approx(sched.get_card_retrievability(Reviewer.to_fsrs(row), later))
    assert r.weakest(cards, now=later, limit=1)[0].card.id == "vit-patch-count"


def test_weakest_skips_unreviewed(conn, cards):
    assert Reviewer(conn, interview_date=None).weakest(cards, now=T0) == []


def test_queue_due_first_then_new(conn, cards):
    r = Reviewer(conn, interview_date=None, fuzz=False)
    assert [c.id for c in r.queue(cards, now=T0)] == ["kl-cross-entropy", "vit-patch-count"]
    out = r.review("vit-patch-count", 1, now=T0)  # due again in a minute
    assert [c.id for c in r.queue(cards, now=T0)] == ["kl-cross-entropy"]  # vit not due yet
    assert [c.id for c in r.queue(cards, now=out.due)] == ["vit-patch-count", "kl-cross-entropy"]
    assert [c.id for c in r.queue(cards, now=out.due, include_new=False)] == ["vit-patch-count"]
    assert len(r.queue(cards, now=out.due, limit=1)) == 1


def test_plan_spreads_new_cards_and_keeps_last_day(conn, cards):
    interview = local_date(T0) + timedelta(days=4)
    r = Reviewer(conn, interview_date=interview, fuzz=False)
    r.review("kl-cross-entropy", 3, now=T0)  # due in 10 minutes: counted today
    plan = r.plan(cards, now=T0)
    assert plan.days_left == 4 and len(plan.days) == 4
    assert plan.new == 1 and sum(d.new for d in plan.days) == 1 and plan.days[-1].new == 0
    assert plan.days[0].due == 1
    assert [d.retention for d in plan.days] == sorted(d.retention for d in plan.days)
    doc = plan.to_dict()
    assert doc["interview_date"] == interview.isoformat() and doc["days"][0]["date"] == local_date(T0).isoformat()


def test_plan_needs_a_future_date(conn, cards):
    with pytest.raises(ValueError, match="no interview date"):
        Reviewer(conn, interview_date=None).plan(cards, now=T0)
    with pytest.raises(ValueError, match="not after today"):
        Reviewer(conn, interview_date=local_date(T0)).plan(cards, now=T0)


def test_parameters_are_validated_and_used(conn):
    with pytest.raises(ValueError):
        set_parameters(conn, [1.0, 2.0])
    params = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    params[0] = 2.0  # initial stability after Again
    set_parameters(conn, params)
    assert Reviewer(conn, interview_date=None).scheduler(T0).parameters[0] == 2.0


def test_ratings_survive_a_new_connection(conn):
    Reviewer(conn, interview_date=None).review("kl-cross-entropy", 2, now=T0)
    conn.close()
    again = connect()
    assert [log.rating for log in store.logs(again)] == [2]
    again.close()
