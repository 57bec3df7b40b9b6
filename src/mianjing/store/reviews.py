"""Card review state and review logs (tables of migration 0002_reviews).

`record_review` writes the new FSRS state and the log row in one transaction, so a session that is
interrupted keeps every rating already given and never half of one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class StateRow:
    card: str
    fsrs_id: int
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reps: int
    lapses: int


@dataclass(frozen=True)
class LogRow:
    id: int
    card: str
    fsrs_id: int
    rating: int
    reviewed_at: datetime
    duration_ms: int | None
    lang: str | None
    answer: str | None
    keypoints_hit: int | None
    keypoints_total: int | None
    desired_retention: float
    due_after: datetime


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _state(row: sqlite3.Row) -> StateRow:
    return StateRow(row["card"], row["fsrs_id"], row["state"], row["step"], row["stability"],
                    row["difficulty"], _dt(row["due"]), _dt(row["last_review"]), row["reps"], row["lapses"])


def get_state(conn: sqlite3.Connection, card: str) -> StateRow | None:
    row = conn.execute("SELECT * FROM card_state WHERE card = ?", (card,)).fetchone()
    return _state(row) if row else None


def all_states(conn: sqlite3.Connection) -> dict[str, StateRow]:
    return {r["card"]: _state(r) for r in conn.execute("SELECT * FROM card_state ORDER BY card")}


def record_review(
    conn: sqlite3.Connection,
    *,
    card: str,
    state: int,
    step: int | None,
    stability: float | None,
    difficulty: float | None,
    due: datetime,
    last_review: datetime,
    rating: int,
    lapse: bool,
    duration_ms: int | None,
    lang: str | None,
    answer: str | None,
    keypoints_hit: int | None,
    keypoints_total: int | None,
    desired_retention: float,
) -> int:
    """Store the card's new state and the review log row atomically; return the card's fsrs_id."""
    if not 1 <= rating <= 4:
        raise ValueError(f"rating must be 1..4, got {rating}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            """INSERT INTO card_state (card, state, step, stability, difficulty, due, last_review, reps, lapses)
               VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
               ON CONFLICT(card) DO UPDATE SET state = excluded.state, step = excluded.step,
                 stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
                 last_review = excluded.last_review, reps = reps + 1, lapses = lapses + excluded.lapses""",
            (card, state, step, stability, difficulty, due.isoformat(), last_review.isoformat(), int(lapse)),
        )
        fsrs_id = conn.execute("SELECT fsrs_id FROM card_state WHERE card = ?", (card,)).fetchone()[0]
        conn.execute(
            """INSERT INTO card_reviews (card, fsrs_id, rating, reviewed_at, duration_ms, lang, answer,
                 keypoints_hit, keypoints_total, desired_retention, due_after)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (card, fsrs_id, rating, last_review.isoformat(), duration_ms, lang, answer, keypoints_hit,
             keypoints_total, desired_retention, due.isoformat()),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return fsrs_id


def logs(conn: sqlite3.Connection, card: str | None = None) -> list[LogRow]:
    sql = "SELECT * FROM card_reviews"
    args: tuple = ()
    if card is not None:
        sql += " WHERE card = ?"
        args = (card,)
    sql += " ORDER BY reviewed_at, id"
    return [
        LogRow(r["id"], r["card"], r["fsrs_id"], r["rating"], _dt(r["reviewed_at"]), r["duration_ms"], r["lang"],
               r["answer"], r["keypoints_hit"], r["keypoints_total"], r["desired_retention"], _dt(r["due_after"]))
        for r in conn.execute(sql, args)
    ]


def get_setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM review_settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO review_settings (key, value) VALUES (?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def delete_setting(conn: sqlite3.Connection, key: str) -> None:
    conn.execute("DELETE FROM review_settings WHERE key = ?", (key,))
