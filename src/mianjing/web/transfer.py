"""All progress as one JSON file: export, and import that merges without losing anything.

Import adds what the database lacks and never deletes: submissions and review-log rows are matched
on their content (an exported file imported twice adds nothing the second time); a card's memory
state is taken from the file only when the file's last review is newer; drafts likewise by time.
Everything happens in one transaction, so a bad file changes nothing.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..store.db import utcnow

FORMAT = "mianjing-progress"
VERSION = 1
TABLES = {
    "submissions": ("problem", "created_at", "code", "verdict", "passed", "total", "time_ms", "cases_json"),
    "card_state": ("card", "state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses"),
    "card_reviews": ("card", "rating", "reviewed_at", "duration_ms", "lang", "answer", "keypoints_hit",
                     "keypoints_total", "desired_retention", "due_after"),
    "review_settings": ("key", "value"),
    "drafts": ("problem", "code", "updated_at"),
}


class ImportError_(ValueError):
    """The file is not a mianjing progress export; the message says what is wrong."""


def export(conn: sqlite3.Connection) -> dict[str, Any]:
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "exported_at": utcnow()}
    for table, cols in TABLES.items():
        rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY rowid")
        doc[table] = [dict(zip(cols, r)) for r in rows]
    return doc


def _rows(doc: dict[str, Any], table: str) -> list[dict[str, Any]]:
    rows = doc.get(table, [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ImportError_(f"'{table}' must be a list of objects")
    need = set(TABLES[table]) - {"step", "stability", "difficulty", "last_review", "duration_ms", "lang", "answer",
                                 "keypoints_hit", "keypoints_total"}
    for i, r in enumerate(rows):
        missing = need - set(r)
        if missing:
            raise ImportError_(f"{table}[{i}] lacks {', '.join(sorted(missing))}")
    return rows


def import_(conn: sqlite3.Connection, doc: Any) -> dict[str, int]:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportError_(f"not a mianjing progress export (expected \"format\": \"{FORMAT}\")")
    if doc.get("version") != VERSION:
        raise ImportError_(f"export version {doc.get('version')!r} is not supported (this mianjing reads {VERSION})")
    data = {t: _rows(doc, t) for t in TABLES}
    added = dict.fromkeys(TABLES, 0)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for r in data["submissions"]:
            seen = conn.execute("SELECT 1 FROM submissions WHERE problem = ? AND created_at = ? AND code = ?",
                                (r["problem"], r["created_at"], r["code"])).fetchone()
            if not seen:
                conn.execute("INSERT INTO submissions (problem, created_at, code, verdict, passed, total, time_ms, "
                             "cases_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", tuple(r[c] for c in TABLES["submissions"]))
                added["submissions"] += 1
        for r in data["card_state"]:
            mine = conn.execute("SELECT last_review FROM card_state WHERE card = ?", (r["card"],)).fetchone()
            if mine is None or (r.get("last_review") or "") > (mine[0] or ""):
                cols = TABLES["card_state"]
                conn.execute(
                    f"INSERT INTO card_state ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
                    "ON CONFLICT(card) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in cols[1:]),
                    tuple(r.get(c) for c in cols))
                added["card_state"] += 1
        for r in data["card_reviews"]:
            state = conn.execute("SELECT fsrs_id FROM card_state WHERE card = ?", (r["card"],)).fetchone()
            if state is None:
                raise ImportError_(f"a review of card {r['card']!r} has no memory state in the file")
            seen = conn.execute("SELECT 1 FROM card_reviews WHERE card = ? AND reviewed_at = ? AND rating = ?",
                                (r["card"], r["reviewed_at"], r["rating"])).fetchone()
            if not seen:
                cols = TABLES["card_reviews"]
                conn.execute(f"INSERT INTO card_reviews (fsrs_id, {', '.join(cols)}) "
                             f"VALUES (?, {', '.join('?' * len(cols))})", (state[0], *(r.get(c) for c in cols)))
                added["card_reviews"] += 1
        for r in data["review_settings"]:
            if conn.execute("SELECT 1 FROM review_settings WHERE key = ?", (r["key"],)).fetchone() is None:
                conn.execute("INSERT INTO review_settings (key, value) VALUES (?, ?)", (r["key"], r["value"]))
                added["review_settings"] += 1
        for r in data["drafts"]:
            mine = conn.execute("SELECT updated_at FROM drafts WHERE problem = ?", (r["problem"],)).fetchone()
            if mine is None or r["updated_at"] > mine[0]:
                conn.execute("INSERT INTO drafts (problem, code, updated_at) VALUES (?, ?, ?) ON CONFLICT(problem) "
                             "DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at",
                             (r["problem"], r["code"], r["updated_at"]))
                added["drafts"] += 1
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.execute("ROLLBACK")
        raise ImportError_(f"the file does not fit the database: {exc}") from None
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return added
