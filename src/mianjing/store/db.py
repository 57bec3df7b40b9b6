"""Open the user's database: WAL, migrations applied, corruption reported with a way out."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from .migrations import MIGRATIONS


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def connect(path: Path | None = None, *, threads: bool = False) -> sqlite3.Connection:
    """`threads`: the connection may be used from several threads (the caller serialises use)."""
    if path is None:
        from ..paths import db_path

        path = db_path()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    private_file(path)
    try:
        conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=not threads)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        migrate(conn)  # reads the schema: a file that is not a database fails here
    except sqlite3.DatabaseError as exc:
        raise damaged(path, exc) from exc
    return conn


def private_file(path: Path) -> None:
    """The database holds the user's code (and whatever a judged file pointed at): mode 0600,
    created so from the start (SQLite gives its -wal and -shm files the same mode)."""
    import os

    try:
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
        if os.stat(path).st_mode & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass  # a read-only location or a damaged file: sqlite's own error says more


def damaged(path: Path | str, exc: BaseException) -> DatabaseError:
    """The message for a damaged database: what happened and the way out."""
    return DatabaseError(
        f"the progress database {path} is damaged ({exc}). Your submitted code is also kept "
        f"in the files you judged. To recover what SQLite can still read, run:\n"
        f"  sqlite3 '{path}' .recover > recovered.sql\n"
        f"then move the damaged file aside (mv '{path}' '{path}.broken'); mianjing starts a "
        f"new database on its next run and you can import recovered.sql into it."
    )


def integrity(conn: sqlite3.Connection) -> str:
    """'ok', or what SQLite's quick_check found (`mianjing doctor` shows it)."""
    return "; ".join(r[0] for r in conn.execute("PRAGMA quick_check").fetchall())


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations; return the names applied now."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # executescript would COMMIT on its own; run statement by statement inside our transaction
            for stmt in _statements(sql):
                conn.execute(stmt)
            conn.execute("INSERT INTO _migrations VALUES (?, ?)", (name, utcnow()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return [s for s in out if s]
