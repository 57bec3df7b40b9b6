import sqlite3

import pytest

from mianjing.store.db import DatabaseError, connect, integrity, migrate
from mianjing.store.migrations import MIGRATIONS
from mianjing.store.progress import recent, record_submission, statuses


def report(problem, verdict, passed=1, total=1):
    return {"problem": problem, "verdict": verdict, "passed": passed, "total": total, "time_ms": 1.5,
            "cases": [{"name": "example-1", "hidden": False, "verdict": verdict, "message": "", "time_ms": 1.0}]}


def test_wal_migrations_once_and_integrity(tmp_path):
    conn = connect(tmp_path / "db.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY name")]
    assert names == sorted(n for n, _ in MIGRATIONS)
    assert migrate(conn) == []  # nothing applied twice
    assert integrity(conn) == "ok"


def test_submissions_and_status(tmp_path):
    conn = connect(tmp_path / "db.sqlite3")
    record_submission(conn, report("mha", "wrong_answer", 0, 3), "bad code")
    record_submission(conn, report("mha", "accepted", 3, 3), "good code")
    record_submission(conn, report("lis", "time_limit_exceeded"), "slow")
    assert statuses(conn) == {"mha": "solved", "lis": "attempted"}
    assert [r["problem"] for r in recent(conn)] == ["lis", "mha", "mha"]


def test_garbage_file_is_reported_not_raised_raw(tmp_path):
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"\x00garbage" * 512)
    with pytest.raises(DatabaseError, match=r"(?s)damaged.*\.recover"):
        connect(path)
    assert path.read_bytes().startswith(b"\x00garbage")  # nothing overwritten: the user decides


def test_a_failed_migration_leaves_no_trace(tmp_path, monkeypatch):
    from mianjing.store import db

    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS + [("9999_broken", "CREATE TABLE x (a);\nNOT SQL;")])
    conn = sqlite3.connect(tmp_path / "db.sqlite3", isolation_level=None)
    with pytest.raises(sqlite3.Error):
        db.migrate(conn)
    assert conn.execute("SELECT COUNT(*) FROM _migrations WHERE name = '9999_broken'").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'x'").fetchone()[0] == 0
