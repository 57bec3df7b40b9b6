"""Spaced repetition of the cards with FSRS-6 (the `fsrs` package), aware of an interview date.

The `fsrs` package does the scheduling; this module decides its two settings and keeps its state:
- desired retention: 0.90 normally, rising as the interview nears (`target_retention`): reviews get
  more frequent when forgetting would cost most;
- no interval runs past the interview: the scheduler's `maximum_interval` is the days left, and a
  due date that still falls on or after the interview day is moved to the start of that day (also
  for cards scheduled before the date was set).
Every rating is stored with its state in one transaction (`store.reviews.record_review`), and the
full log can be exported as `fsrs.ReviewLog`s for `fsrs.Optimizer` to fit the user's own parameters.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

import fsrs

from ..store import reviews as store
from .bank import level_rank
from .card import Card

BASE_RETENTION = 0.90
# (days left, desired retention): linear in between; constant beyond the ends
RETENTION_CURVE = ((60, 0.90), (30, 0.92), (14, 0.94), (7, 0.95), (3, 0.97))
RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
INTERVIEW_KEY = "interview_date"
PARAMETERS_KEY = "fsrs_parameters"


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def local_date(moment: datetime) -> date:
    return moment.astimezone().date()


def target_retention(days_left: int | None) -> float:
    """Desired retention for a given number of days before the interview (None: no interview set)."""
    if days_left is None or days_left < 0:
        return BASE_RETENTION
    (far_d, far_r), (near_d, near_r) = RETENTION_CURVE[0], RETENTION_CURVE[-1]
    if days_left >= far_d:
        return far_r
    if days_left <= near_d:
        return near_r
    for (d1, r1), (d0, r0) in zip(RETENTION_CURVE, RETENTION_CURVE[1:]):
        if d0 <= days_left <= d1:
            return round(r0 + (r1 - r0) * (days_left - d0) / (d1 - d0), 4)
    raise AssertionError("unreachable")  # pragma: no cover


def interview_cutoff(interview: date) -> datetime:
    """The start of the interview day, local time, as UTC: nothing is scheduled at or after it."""
    local_midnight = datetime.combine(interview, time(0)).astimezone()
    return local_midnight.astimezone(timezone.utc)


@dataclass(frozen=True)
class Outcome:
    card: str
    rating: int
    due: datetime
    desired_retention: float
    clamped: bool  # the scheduler wanted a later date; moved to the interview day


@dataclass(frozen=True)
class Memory:
    card: Card
    state: store.StateRow | None
    retrievability: float | None  # None: never reviewed
    due: datetime | None  # effective due (interview cut-off applied)


class Reviewer:
    """Scheduling for one user database. `now` can be fixed for tests (a UTC datetime)."""

    def __init__(self, conn: sqlite3.Connection, *, interview_date: date | None | str = "stored",
                 fuzz: bool = True):
        self.conn = conn
        if interview_date == "stored":
            stored = store.get_setting(conn, INTERVIEW_KEY)
            interview_date = date.fromisoformat(stored) if stored else None
        self.interview_date: date | None = interview_date  # type: ignore[assignment]
        self.fuzz = fuzz
        params = store.get_setting(conn, PARAMETERS_KEY)
        self.parameters = tuple(json.loads(params)) if params else fsrs.scheduler.DEFAULT_PARAMETERS

    # --- settings -------------------------------------------------------------------------
    def days_left(self, now: datetime) -> int | None:
        if self.interview_date is None:
            return None
        return (self.interview_date - local_date(now)).days

    def cutoff(self, now: datetime) -> datetime | None:
        """The interview cut-off if the interview is still ahead, else None."""
        if self.interview_date is None:
            return None
        cut = interview_cutoff(self.interview_date)
        return cut if now < cut else None

    def scheduler(self, now: datetime) -> fsrs.Scheduler:
        days = self.days_left(now)
        max_interval = max(1, days) if days is not None and days >= 1 else 36500
        return fsrs.Scheduler(parameters=self.parameters, desired_retention=target_retention(days),
                              maximum_interval=max_interval, enable_fuzzing=self.fuzz)

    # --- state ----------------------------------------------------------------------------
    @staticmethod
    def to_fsrs(row: store.StateRow | None) -> fsrs.Card:
        if row is None:
            return fsrs.Card(card_id=0, due=datetime(1970, 1, 1, tzinfo=timezone.utc))
        return fsrs.Card(card_id=row.fsrs_id, state=fsrs.State(row.state), step=row.step,
                         stability=row.stability, difficulty=row.difficulty, due=row.due,
                         last_review=row.last_review)

    def effective_due(self, row: store.StateRow, now: datetime) -> datetime:
        cut = self.cutoff(now)
        return min(row.due, cut) if cut else row.due

    def review(self, card_id: str, rating: int, *, now: datetime | None = None, duration_ms: int | None = None,
               lang: str | None = None, answer: str | None = None, keypoints_hit: int | None = None,
               keypoints_total: int | None = None) -> Outcome:
        """Rate one card (1 Again, 2 Hard, 3 Good, 4 Easy) and store the result immediately."""
        if rating not in RATING_NAMES:
            raise ValueError(f"rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), got {rating!r}")
        now = now or utcnow()
        row = store.get_state(self.conn, card_id)
        before = self.to_fsrs(row)
        sched = self.scheduler(now)
        after, _log = sched.review_card(before, fsrs.Rating(rating), review_datetime=now)
        due, clamped = after.due, False
        cut = self.cutoff(now)
        if cut is not None and due > cut:
            due, clamped = cut, True
        store.record_review(
            self.conn, card=card_id, state=int(after.state), step=after.step, stability=after.stability,
            difficulty=after.difficulty, due=due, last_review=now, rating=rating,
            lapse=(rating == 1 and before.state == fsrs.State.Review), duration_ms=duration_ms, lang=lang,
            answer=answer, keypoints_hit=keypoints_hit, keypoints_total=keypoints_total,
            desired_retention=sched.desired_retention,
        )
        return Outcome(card_id, rating, due, sched.desired_retention, clamped)

    def memories(self, cards: list[Card], now: datetime | None = None) -> list[Memory]:
        now = now or utcnow()
        states = store.all_states(self.conn)
        sched = self.scheduler(now)
        out = []
        for card in cards:
            row = states.get(card.id)
            if row is None:
                out.append(Memory(card, None, None, None))
            else:
                r = sched.get_card_retrievability(self.to_fsrs(row), current_datetime=now)
                out.append(Memory(card, row, float(r), self.effective_due(row, now)))
        return out

    # --- what to study --------------------------------------------------------------------
    def queue(self, cards: list[Card], *, limit: int | None = None, now: datetime | None = None,
              include_new: bool = True) -> list[Card]:
        """Cards to review now: due ones (most overdue first), then new ones (basic before advanced)."""
        now = now or utcnow()
        mems = self.memories(cards, now)
        due = sorted((m for m in mems if m.due is not None and m.due <= now), key=lambda m: (m.due, m.card.id))
        new = [m for m in mems if m.state is None] if include_new else []
        new.sort(key=lambda m: (level_rank(m.card.level), m.card.topic, m.card.id))
        picked = [m.card for m in due] + [m.card for m in new]
        return picked[:limit] if limit is not None else picked

    def weakest(self, cards: list[Card], *, limit: int = 10, now: datetime | None = None) -> list[Memory]:
        """Reviewed cards least likely to be recalled now (lowest FSRS retrievability first)."""
        mems = [m for m in self.memories(cards, now) if m.retrievability is not None]
        mems.sort(key=lambda m: (m.retrievability, m.due, m.card.id))
        return mems[:limit]

    def plan(self, cards: list[Card], now: datetime | None = None) -> "Plan":
        now = now or utcnow()
        if self.interview_date is None:
            raise ValueError("no interview date set")
        today = local_date(now)
        days = (self.interview_date - today).days
        if days <= 0:
            raise ValueError(f"the interview date {self.interview_date} is not after today ({today})")
        mems = self.memories(cards, now)
        new = [m for m in mems if m.state is None]
        # new cards are introduced on every day but the last one before the interview (kept for review)
        learning_days = max(1, days - 1)
        per_day_new = math.ceil(len(new) / learning_days) if new else 0
        left = len(new)
        rows = []
        for i in range(days):
            day = today + timedelta(days=i)
            due = sum(1 for m in mems if m.due is not None and
                      (local_date(m.due) == day or (i == 0 and local_date(m.due) < day)))
            take = min(per_day_new, left) if i < learning_days else 0
            left -= take
            rows.append(PlanDay(day, days - i, target_retention(days - i), due, take))
        return Plan(
            interview_date=self.interview_date, today=today, days_left=days,
            retention_now=target_retention(days), cards=len(cards), new=len(new),
            due_now=sum(1 for m in mems if m.due is not None and m.due <= now),
            weakest=[(m.card.id, m.retrievability) for m in self.weakest(cards, limit=5, now=now)],
            days=rows,
        )


@dataclass(frozen=True)
class PlanDay:
    day: date
    days_left: int
    retention: float
    due: int  # reviews already scheduled for that day (overdue ones count today)
    new: int  # new cards suggested for that day

    def to_dict(self) -> dict:
        return {"date": self.day.isoformat(), "days_left": self.days_left, "desired_retention": self.retention,
                "due": self.due, "new": self.new}


@dataclass(frozen=True)
class Plan:
    interview_date: date
    today: date
    days_left: int
    retention_now: float
    cards: int
    new: int
    due_now: int
    weakest: list[tuple[str, float | None]]
    days: list[PlanDay]

    def to_dict(self) -> dict:
        return {
            "interview_date": self.interview_date.isoformat(),
            "today": self.today.isoformat(),
            "days_left": self.days_left,
            "desired_retention": self.retention_now,
            "cards": self.cards,
            "new": self.new,
            "due_now": self.due_now,
            "weakest": [{"id": i, "retrievability": r} for i, r in self.weakest],
            "days": [d.to_dict() for d in self.days],
        }


def set_interview_date(conn: sqlite3.Connection, value: date | None) -> None:
    if value is None:
        store.delete_setting(conn, INTERVIEW_KEY)
    else:
        store.set_setting(conn, INTERVIEW_KEY, value.isoformat())


def export_review_logs(conn: sqlite3.Connection) -> list[fsrs.ReviewLog]:
    """Every stored rating as an `fsrs.ReviewLog`, ready for `fsrs.Optimizer(logs)`."""
    return [fsrs.ReviewLog(card_id=r.fsrs_id, rating=fsrs.Rating(r.rating), review_datetime=r.reviewed_at,
                           review_duration=r.duration_ms) for r in store.logs(conn)]


def set_parameters(conn: sqlite3.Connection, parameters: list[float] | tuple[float, ...]) -> None:
    """Store optimised FSRS parameters (validated by constructing a Scheduler with them)."""
    fsrs.Scheduler(parameters=parameters)
    store.set_setting(conn, PARAMETERS_KEY, json.dumps(list(parameters)))
