"""Schema migrations, applied in order, each once, each in its own transaction.

Append new migrations at the end; never edit or reorder an applied one.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_submissions",
        """
        CREATE TABLE submissions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            problem TEXT NOT NULL,
            created_at TEXT NOT NULL,           -- ISO 8601, UTC
            code TEXT NOT NULL,
            verdict TEXT NOT NULL,
            passed INTEGER NOT NULL,
            total INTEGER NOT NULL,
            time_ms REAL NOT NULL,
            cases_json TEXT NOT NULL            -- per-case results, as the JSON report has them
        );
        CREATE INDEX submissions_problem ON submissions(problem, created_at);
        """,
    ),
]
