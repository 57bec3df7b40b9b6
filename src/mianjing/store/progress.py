"""Submissions and what they say about the user's progress. Written only by the judge's controller."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .db import utcnow


def record_submission(conn: sqlite3.Connection, report: dict[str, Any], code: str) -> int:
    cases = [{k: c.get(k) for k in ("name", "hidden", "verdict", "message", "time_ms")} for c in report.get("cases", [])]
    with conn:  # one transaction: a killed process leaves the row either whole or absent
        cur = conn.execute(
            "INSERT INTO submissions (problem, created_at, code, verdict, passed, total, time_ms, cases_json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (report["problem"], utcnow(), code, report["verdict"], int(report["passed"]), int(report["total"]),
             float(report["time_ms"]), json.dumps(cases, ensure_ascii=False)),
        )
    return int(cur.lastrowid)


def statuses(conn: sqlite3.Connection) -> dict[str, str]:
    """problem id -> 'solved' | 'solved_with_help' | 'attempted' (never submitted: absent, 'new').

    'solved_with_help': every accepted submission came soon after revealing the solution (store/guides.py)."""
    from .guides import solved_with_help

    out: dict[str, str] = {}
    for row in conn.execute(
        "SELECT problem, MAX(verdict = 'accepted') AS solved FROM submissions GROUP BY problem"
    ):
        out[row["problem"]] = "solved" if row["solved"] else "attempted"
    for pid in solved_with_help(conn):
        out[pid] = "solved_with_help"
    return out


def recent(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT id, problem, created_at, verdict, passed, total, time_ms FROM submissions ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return [dict(r) for r in rows]
