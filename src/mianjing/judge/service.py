"""The per-user judge service: a warm controller + zygote behind a Unix socket.

The CLI starts it on first use (`ensure_running`), it exits after an idle period, and
`mianjing judge --no-service` does without it. Only this process (or a --no-service CLI acting as
controller) writes submissions to the database. The socket lives in the user's own directory,
mode 0600, and peers with another uid are refused.
"""

from __future__ import annotations

import os
import socket
import struct
import sys
import time
from pathlib import Path
from typing import Any

from . import wire

IDLE_SECONDS = float(os.environ.get("MIANJING_SERVICE_IDLE_S", "900"))


class ServiceError(RuntimeError):
    pass


def _home() -> Path:
    from ..paths import home

    return home()


def socket_path() -> Path:
    p = _home() / "judge.sock"
    if len(str(p)) > 100:  # AF_UNIX paths are limited to 108 bytes
        import hashlib
        import tempfile

        digest = hashlib.sha1(str(_home()).encode()).hexdigest()[:12]
        p = Path(tempfile.gettempdir()) / f"mianjing-{os.getuid()}-{digest}.sock"
    return p


def _connect(timeout: float) -> socket.socket | None:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    try:
        s.connect(str(socket_path()))
        return s
    except (FileNotFoundError, ConnectionRefusedError, socket.timeout, OSError):
        s.close()
        return None


def _request(sock: socket.socket, kind: str, body: Any, timeout: float) -> tuple[str, Any]:
    sock.settimeout(timeout)
    sock.sendall(wire.encode(kind, body))
    (length,) = struct.unpack(">I", _read(sock, 4))
    return wire.decode(_read(sock, length))


def _read(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ServiceError("the judge service closed the connection")
        buf += chunk
    return bytes(buf)


def status() -> dict[str, Any] | None:
    s = _connect(2.0)
    if s is None:
        return None
    try:
        _, body = _request(s, "status", {}, 10)
        return body
    except (OSError, ServiceError, wire.WireError):
        return None
    finally:
        s.close()


def stop() -> bool:
    s = _connect(2.0)
    if s is None:
        return False
    try:
        _request(s, "stop", {}, 10)
        return True
    except (OSError, ServiceError, wire.WireError):
        return True
    finally:
        s.close()


def ensure_running(timeout: float = 120.0) -> None:
    """Start the service unless it is up; one starter at a time (a lock file)."""
    import fcntl
    import subprocess

    if (s := _connect(1.0)) is not None:
        s.close()
        return
    lock_path = _home() / "service.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (s := _connect(1.0)) is not None:
            s.close()
            return
        sp = socket_path()
        if sp.exists():
            sp.unlink()  # stale: nobody answered on it
        log = open(_home() / "service.log", "ab")
        subprocess.Popen(
            [sys.executable, "-m", "mianjing.judge.service"], stdin=subprocess.DEVNULL, stdout=log,
            stderr=log, start_new_session=True, env=dict(os.environ), close_fds=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if (s := _connect(1.0)) is not None:
                s.close()
                return
            time.sleep(0.05)
    raise ServiceError(f"the judge service did not start; see {_home() / 'service.log'} or use --no-service")


def judge_via_service(problem: str, code: str, seed: int | None, timeout: float = 900.0,
                      visible_only: bool = False) -> dict[str, Any]:
    """One judgement; `visible_only` runs the visible examples only and stores nothing (the web's Run)."""
    s = _connect(5.0)
    if s is None:  # not running (or stale): start it, then connect again
        ensure_running()
        s = _connect(5.0)
    if s is None:
        raise ServiceError("could not connect to the judge service")
    try:
        request = {"problem": problem, "code": code, "seed": seed}
        if visible_only:
            request["visible_only"] = True
        kind, body = _request(s, "judge", request, timeout)
    finally:
        s.close()
    if kind == "usage_error":
        raise LookupError(body["message"])
    if kind != "report":
        raise ServiceError(str(body.get("message", body)) if isinstance(body, dict) else "bad reply")
    return body


# ---------------------------------------------------------------- the server


class Recorder:
    """Stores submissions through one long-lived connection (opening one per request costs more
    than the insert); on failure it warns instead of raising, and reconnects next time."""

    def __init__(self) -> None:
        self.conn: Any = None

    def __call__(self, report: dict[str, Any], code: str) -> str | None:
        import sqlite3

        from ..store.db import DatabaseError, connect
        from ..store.progress import record_submission

        try:
            if self.conn is None:
                self.conn = connect()
            record_submission(self.conn, report, code)
            return None
        except (DatabaseError, sqlite3.Error, OSError) as exc:  # never lose the verdict itself
            self.close()
            return f"this submission was not saved: {exc}"

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001
                pass
            self.conn = None


def record(report: dict[str, Any], code: str) -> str | None:
    """One-off store (the --no-service path)."""
    rec = Recorder()
    try:
        return rec(report, code)
    finally:
        rec.close()


def serve() -> None:
    from .local import LocalJudge  # starts the zygote before anything secret is loaded

    judge = LocalJudge()
    recorder = Recorder()
    path = socket_path()
    if path.exists():
        path.unlink()
    old = os.umask(0o077)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    os.umask(old)
    os.chmod(path, 0o600)
    server.listen(8)
    server.settimeout(IDLE_SECONDS)
    started, served = time.time(), 0
    try:
        while True:
            try:
                conn, _ = server.accept()
            except socket.timeout:
                break  # idle: exit, the next CLI call starts us again
            with conn:
                creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
                _pid, uid, _gid = struct.unpack("3i", creds)
                if uid != os.getuid():
                    continue
                conn.settimeout(30)
                try:
                    (length,) = struct.unpack(">I", _read(conn, 4))
                    kind, body = wire.decode(_read(conn, length))
                except (OSError, ServiceError, wire.WireError, struct.error):
                    continue
                conn.settimeout(None)
                if kind == "stop":
                    conn.sendall(wire.encode("stopped", {}))
                    break
                if kind == "status":
                    conn.sendall(wire.encode("status", {
                        "pid": os.getpid(), "uptime_s": round(time.time() - started, 1), "served": served,
                        "idle_exit_s": IDLE_SECONDS, "socket": str(path), "isolation": judge.layers,
                        "zygote_alive": judge.pool.alive(),
                    }))
                    continue
                if kind == "judge":
                    served += 1
                    reply = handle_judge(judge, body, recorder)
                    try:
                        conn.sendall(wire.encode(*reply))
                    except OSError:
                        pass
    finally:
        recorder.close()
        judge.close()
        server.close()
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def handle_judge(judge: Any, body: dict[str, Any], recorder: Any) -> tuple[str, Any]:
    from ..problems.bank import UnknownProblem

    try:
        visible_only = bool(body.get("visible_only", False))
        report = judge.judge(str(body["problem"]), str(body["code"]), body.get("seed"), visible_only=visible_only)
    except UnknownProblem as exc:
        return "usage_error", {"message": str(exc)}
    except Exception as exc:  # noqa: BLE001
        return "error", {"message": f"judge error: {type(exc).__name__}: {exc}"}
    doc = report.to_json()
    if visible_only:
        return "report", doc  # a Run tries the examples; only submissions count as progress
    warning = recorder(doc, str(body["code"]))
    if warning:
        doc["warning"] = warning
    return "report", doc


if __name__ == "__main__":
    serve()
