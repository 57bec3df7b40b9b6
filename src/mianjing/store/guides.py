"""Hints used and solutions revealed (table of migration 0003_guide_events), and what they mean for
a problem's status.

A reveal before the problem is solved has two effects:
- an accepted submission within REDO_AFTER of the reveal counts as "solved with help";
- the problem is scheduled again at reveal + REDO_AFTER: it is due for a redo until an accepted
  submission at or after that time, which then counts as solved on one's own.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from .db import utcnow

REDO_AFTER = timedelta(days=3)  # long enough that the redo is recall of the idea, not of the text


def record_hint(conn: sqlite3.Connection, problem: str, level: int, lang: str) -> None:
    with conn:
        conn.execute("INSERT INTO guide_events (problem, kind, level, lang, created_at) VALUES (?, 'hint', ?, ?, ?)",
                     (problem, level, lang, utcnow()))


def record_reveal(conn: sqlite3.Connection, problem: str, lang: str) -> None:
    with conn:
        conn.execute("INSERT INTO guide_events (problem, kind, level, lang, created_at) VALUES (?, 'reveal', NULL, ?, ?)",
                     (problem, lang, utcnow()))


def hints_seen(conn: sqlite3.Connection, problem: str) -> int:
    """The highest hint level shown for this problem (0 if none)."""
    row = conn.execute("SELECT MAX(level) FROM guide_events WHERE problem = ? AND kind = 'hint'", (problem,)).fetchone()
    return int(row[0] or 0)


def has_accepted(conn: sqlite3.Connection, problem: str) -> bool:
    row = conn.execute("SELECT 1 FROM submissions WHERE problem = ? AND verdict = 'accepted' LIMIT 1", (problem,))
    return row.fetchone() is not None


def _dt(value: str) -> datetime:
    d = datetime.fromisoformat(value)
    return d if d.tzinfo else d.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Help:
    problem: str
    hints: int  # highest hint level shown
    reveals: list[datetime]
    redo_at: datetime | None  # when the problem is scheduled again; None if nothing to redo


def help_by_problem(conn: sqlite3.Connection) -> dict[str, Help]:
    """Every problem with at least one hint or reveal."""
    hints: dict[str, int] = {}
    reveals: dict[str, list[datetime]] = {}
    for r in conn.execute("SELECT problem, kind, level, created_at FROM guide_events ORDER BY created_at, id"):
        if r["kind"] == "hint":
            hints[r["problem"]] = max(hints.get(r["problem"], 0), int(r["level"] or 0))
        else:
            reveals.setdefault(r["problem"], []).append(_dt(r["created_at"]))
    accepted: dict[str, list[datetime]] = {}
    for r in conn.execute("SELECT problem, created_at FROM submissions WHERE verdict = 'accepted'"):
        accepted.setdefault(r["problem"], []).append(_dt(r["created_at"]))
    out = {}
    for pid in sorted(set(hints) | set(reveals)):
        redo_at = None
        if pid in reveals:
            due = reveals[pid][-1] + REDO_AFTER
            if not any(t >= due for t in accepted.get(pid, [])):
                redo_at = due
        out[pid] = Help(pid, hints.get(pid, 0), reveals.get(pid, []), redo_at)
    return out


def unaided(accepted_at: datetime, reveals: list[datetime]) -> bool:
    """An accepted submission is the user's own unless a reveal came less than REDO_AFTER before it."""
    return not any(r <= accepted_at < r + REDO_AFTER for r in reveals)


def solved_with_help(conn: sqlite3.Connection) -> set[str]:
    """Problems accepted only within REDO_AFTER of a reveal (never on one's own)."""
    helped = help_by_problem(conn)
    out = set()
    by_problem: dict[str, list[datetime]] = {}
    for r in conn.execute("SELECT problem, created_at FROM submissions WHERE verdict = 'accepted'"):
        by_problem.setdefault(r["problem"], []).append(_dt(r["created_at"]))
    for pid, times in by_problem.items():
        h = helped.get(pid)
        if h and h.reveals and not any(unaided(t, h.reveals) for t in times):
            out.add(pid)
    return out


def redo_due(conn: sqlite3.Connection, now: datetime | None = None) -> list[Help]:
    """Problems whose solution was revealed and that are due for a redo now."""
    now = now or datetime.now(timezone.utc)
    return [h for h in help_by_problem(conn).values() if h.redo_at is not None and h.redo_at <= now]
