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
MAX_REQUEST = 4 * 1024 * 1024  # bytes; a source is at most 256 KB


class ServiceError(RuntimeError):
    def __init__(self, message: str = "", sent: bool = False):
        super().__init__(message)
        self.sent = sent  # the request reached the service: sending it again could judge it twice


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


def _owner_lock_path() -> Path:
    return _home() / "service.owner"


def _owner_alive() -> bool:
    """Whether a service holds the owner lock (it takes it first thing, before its slow start)."""
    import fcntl

    try:
        with open(_owner_lock_path(), "a") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(f, fcntl.LOCK_UN)
            return False
    except OSError:
        return False


def code_fingerprint() -> str:
    """Which code a service runs: the size and mtime of every module of the judging code. A service
    started before an upgrade (or an edit) would otherwise keep judging with the old code."""
    import hashlib

    root = Path(__file__).resolve().parent.parent  # the mianjing package
    h = hashlib.sha1()
    for sub in ("judge", "checkers", "problems"):
        try:
            entries = sorted(os.scandir(root / sub), key=lambda e: e.name)
        except OSError:
            continue
        for e in entries:
            if e.name.endswith(".py"):
                st = e.stat()
                h.update(f"{sub}/{e.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:16]


def _code_path() -> Path:
    return _home() / "service.code"


def _stale() -> bool:
    """Whether the running service was started from other code than this client's."""
    try:
        return _code_path().read_text().strip() != code_fingerprint()
    except OSError:
        return False  # an older service that wrote no fingerprint is let be until it idles out


def _replace_stale(timeout: float = 30.0) -> None:
    """Ask a service running outdated code to stop, and wait until its socket is gone."""
    stop()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        s = _connect(0.2)
        if s is not None:
            s.close()
        elif not _owner_alive():
            return
        time.sleep(0.05)


def ensure_running(timeout: float = 120.0) -> None:
    """Start the service unless one is up. One starter at a time (a lock file), and never a second
    service while one holds the owner lock: a busy or starting service is waited for, and a
    client never removes the socket (only its owner does)."""
    import fcntl
    import subprocess

    if (s := _connect(1.0)) is not None:
        s.close()
        if not _stale():
            return
        _replace_stale()
    lock_path = _home() / "service.lock"
    deadline = time.monotonic() + timeout
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (s := _connect(1.0)) is not None:
            s.close()
            return
        if not _owner_alive():
            log = open(_home() / "service.log", "ab")
            subprocess.Popen(
                [sys.executable, "-m", "mianjing.judge.service"], stdin=subprocess.DEVNULL, stdout=log,
                stderr=log, start_new_session=True, env=dict(os.environ), close_fds=True,
            )
            log.close()
        while time.monotonic() < deadline:
            if (s := _connect(1.0)) is not None:
                s.close()
                return
            time.sleep(0.05)
    raise ServiceError(f"the judge service did not start; see {_home() / 'service.log'} or use --no-service")


def judge_via_service(problem: str, code: str, seed: int | None, timeout: float = 900.0,
                      visible_only: bool = False, terminal: dict[str, Any] | None = None) -> dict[str, Any]:
    """One judgement; `visible_only` runs the visible examples only and stores nothing (the web's Run).

    A ServiceError says, in `.sent`, whether the request had reached the service: once it had, the
    caller must not send it again (it may have been judged and stored already). Closing the
    connection before the answer (Ctrl-C) cancels the job in the service. With `terminal` (see
    cli/report.py: terminal_of_this_process) the reply also carries the report drawn for that
    terminal, under "rendered": {"out", "err"}, so that the caller needs no rich."""
    s = _connect(5.0)
    if s is None:  # not running (or busy starting): start it or wait for it, then connect again
        ensure_running()
        s = _connect(5.0)
    if s is None:
        raise ServiceError("could not connect to the judge service")
    sent = False
    try:
        # a random job id (what `cancel` names); os.urandom, not uuid, which imports platform
        request = {"problem": problem, "code": code, "seed": seed, "job": os.urandom(16).hex()}
        if visible_only:
            request["visible_only"] = True
        if terminal is not None:
            request["terminal"] = terminal
        s.settimeout(timeout)
        data = wire.encode("judge", request)
        sent = True  # from the first byte on, the service may judge it
        s.sendall(data)
        (length,) = struct.unpack(">I", _read(s, 4))
        kind, body = wire.decode(_read(s, length))
    except (OSError, ServiceError, wire.WireError, struct.error) as exc:
        raise ServiceError(f"{exc}", sent=sent) from None
    finally:
        s.close()
    if kind == "usage_error":
        raise LookupError(body["message"])
    if kind != "report":
        raise ServiceError(str(body.get("message", body)) if isinstance(body, dict) else "bad reply", sent=True)
    return body


def cancel(job: str) -> bool:
    """Ask the service to stop job `job` (the id a judge request carried). True if it was running."""
    s = _connect(2.0)
    if s is None:
        return False
    try:
        _, body = _request(s, "cancel", {"job": job}, 10)
        return bool(isinstance(body, dict) and body.get("cancelled"))
    except (OSError, ServiceError, wire.WireError, struct.error):
        return False
    finally:
        s.close()


# ---------------------------------------------------------------- the server


class Recorder:
    """Stores submissions through one long-lived connection (opening one per request costs more
    than the insert), one job at a time (a lock: jobs run in threads); on failure it warns instead
    of raising, and reconnects next time."""

    def __init__(self) -> None:
        import threading

        self.conn: Any = None
        self.lock = threading.Lock()

    def __call__(self, report: dict[str, Any], code: str) -> str | None:
        from ..store.db import connect
        from ..store.progress import record_submission

        with self.lock:
            try:
                if self.conn is None:
                    self.conn = connect(threads=True)
                record_submission(self.conn, report, code)
                return None
            except Exception as exc:  # noqa: BLE001 - never lose the verdict itself, never stop the service
                self._close()
                return f"this submission was not saved: {type(exc).__name__}: {exc}"

    def _close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001
                pass
            self.conn = None

    def close(self) -> None:
        with self.lock:
            self._close()


def record(report: dict[str, Any], code: str) -> str | None:
    """One-off store (the --no-service path)."""
    rec = Recorder()
    try:
        return rec(report, code)
    finally:
        rec.close()


def max_jobs() -> int:
    """Jobs judged at once: MIANJING_SERVICE_JOBS, else the number of cores."""
    try:
        n = int(os.environ.get("MIANJING_SERVICE_JOBS", "0"))
    except ValueError:
        n = 0
    return max(1, n or os.cpu_count() or 1)


class Service:
    """The server: an accept loop that hands each connection to a thread. Judge jobs run
    concurrently up to max_jobs(); status, cancel and stop are answered at any time; a client
    that goes away (Ctrl-C) cancels its job, and no client can take the service down."""

    def __init__(self, judge: Any, path: Path):
        import threading

        self.judge, self.path = judge, path
        self.recorder = Recorder()
        self.watcher = ClientWatcher()
        self.slots = threading.BoundedSemaphore(max_jobs())
        self.lock = threading.Lock()
        self.jobs: dict[str, Any] = {}  # job id -> its cancel Event
        self.running = 0
        self.active = 0  # connections being served
        self.stopping = threading.Event()
        self.started = time.time()
        self.last_activity = time.monotonic()
        self.served = 0

    def status(self) -> dict[str, Any]:
        with self.lock:
            running, waiting = self.running, len(self.jobs) - self.running
        return {"pid": os.getpid(), "uptime_s": round(time.time() - self.started, 1), "served": self.served,
                "idle_exit_s": IDLE_SECONDS, "socket": str(self.path), "isolation": self.judge.layers,
                "zygote_alive": self.judge.pool.alive(), "running": running, "waiting": waiting,
                "max_jobs": max_jobs()}

    def connection(self, conn: socket.socket) -> None:
        with self.lock:
            self.active += 1
        try:
            self._connection(conn)
        except Exception as exc:  # noqa: BLE001 - one client's trouble is never the service's end
            print(f"mianjing service: connection failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        finally:
            try:
                conn.close()
            except OSError:
                pass
            with self.lock:
                self.active -= 1
                self.last_activity = time.monotonic()

    def _connection(self, conn: socket.socket) -> None:
        creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
        _pid, uid, _gid = struct.unpack("3i", creds)
        if uid != os.getuid():
            return
        conn.settimeout(30)
        try:
            (length,) = struct.unpack(">I", _read(conn, 4))
            if length > MAX_REQUEST:
                self._reply(conn, "usage_error", {"message": f"a request of {length} bytes is over the {MAX_REQUEST}-byte cap"})
                return
            kind, body = wire.decode(_read(conn, length))
        except (OSError, ServiceError, wire.WireError, struct.error):
            return
        body = body if isinstance(body, dict) else {}
        if kind == "stop":
            self.stopping.set()
            self._reply(conn, "stopped", {})
        elif kind == "status":
            self._reply(conn, "status", self.status())
        elif kind == "cancel":
            with self.lock:
                event = self.jobs.get(str(body.get("job")))
            if event is not None:
                event.set()
            self._reply(conn, "cancel", {"cancelled": event is not None})
        elif kind == "judge":
            try:
                self._reply(conn, *self.judge_job(conn, body))
            finally:
                self.judge.refill()  # the next spare, now that the answer is out
        else:
            self._reply(conn, "error", {"message": f"unknown request {str(kind)[:40]!r}"})

    @staticmethod
    def _reply(conn: socket.socket, kind: str, body: Any) -> None:
        try:
            conn.settimeout(30)
            conn.sendall(wire.encode(kind, body))
        except (OSError, wire.WireError):
            pass  # the client went away: nothing to tell

    def judge_job(self, conn: socket.socket, body: dict[str, Any]) -> tuple[str, Any]:
        import threading
        import uuid

        cancel = threading.Event()
        job = str(body.get("job") or uuid.uuid4().hex)[:64]
        with self.lock:
            if job in self.jobs:
                job = uuid.uuid4().hex
            self.jobs[job] = cancel
        self.watcher.watch(conn, cancel)
        try:
            while not self.slots.acquire(timeout=0.2):  # wait for a free slot, unless cancelled meanwhile
                if cancel.is_set() or self.stopping.is_set():
                    return "cancelled", {"message": "cancelled before it started"}
            try:
                with self.lock:
                    self.running += 1
                    self.served += 1
                return handle_judge(self.judge, body, self.recorder, cancel)
            finally:
                with self.lock:
                    self.running -= 1
                self.slots.release()
        finally:
            self.watcher.unwatch(conn)
            cancel.set()
            with self.lock:
                self.jobs.pop(job, None)

    def idle(self) -> bool:
        with self.lock:
            return self.active == 0 and time.monotonic() - self.last_activity > IDLE_SECONDS

    def cancel_all(self) -> None:
        with self.lock:
            events = list(self.jobs.values())
        for e in events:
            e.set()


class ClientWatcher:
    """Sets a job's cancel event when its client closes its end (Ctrl-C, a closed browser tab)
    before the answer. One thread watches every running job's connection: a thread started per
    job cost about 0.1 ms of each verdict."""

    STEP_S = 0.1  # how soon a new connection is watched, and a closed one noticed

    def __init__(self) -> None:
        import threading

        self._lock = threading.Lock()
        self._conns: dict[socket.socket, Any] = {}  # connection -> its job's cancel event
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def watch(self, conn: socket.socket, cancel: Any) -> None:
        import threading

        with self._lock:
            self._conns[conn] = cancel
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="client-watcher", daemon=True)
                self._thread.start()
        self._wake.set()

    def unwatch(self, conn: socket.socket) -> None:
        with self._lock:
            self._conns.pop(conn, None)

    def _run(self) -> None:
        import select

        while True:
            with self._lock:
                watched = dict(self._conns)
            if not watched:
                self._wake.wait()
                self._wake.clear()
                continue
            try:
                readable, _, _ = select.select(list(watched), [], [], self.STEP_S)
            except (OSError, ValueError):  # a connection closed meanwhile: look again
                time.sleep(0.01)
                continue
            for conn in readable:
                try:
                    if not conn.recv(4096, socket.MSG_DONTWAIT):  # bytes after the request are dropped
                        watched[conn].set()  # EOF: nobody is waiting for this verdict
                except BlockingIOError:
                    continue
                except (OSError, ValueError):
                    watched[conn].set()


def _take_owner_lock() -> Any:
    """The lock that makes this process the socket's only owner, held for the service's life."""
    import fcntl

    f = open(_owner_lock_path(), "a")
    for _ in range(20):
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return f
        except BlockingIOError:
            time.sleep(0.05)
    f.close()
    return None


def serve() -> None:
    import threading

    owner = _take_owner_lock()
    if owner is None:
        print("mianjing service: another judge service owns the socket; exiting", file=sys.stderr, flush=True)
        return
    from .local import LocalJudge  # starts the zygote before anything secret is loaded

    judge = LocalJudge(defer_refill=True)
    path = socket_path()
    # we hold the owner lock, so whatever is at the path is a dead owner's: ours to replace
    if path.exists() or path.is_symlink():
        path.unlink()
    old = os.umask(0o077)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
    finally:
        os.umask(old)
    os.chmod(path, 0o600)
    bound = os.stat(path).st_ino
    _code_path().write_text(code_fingerprint())  # lets clients notice when the code changed under us
    server.listen(64)
    server.settimeout(0.5)
    service = Service(judge, path)
    try:
        while not service.stopping.is_set():
            try:
                conn, _ = server.accept()
            except socket.timeout:
                if service.idle():
                    break  # idle: exit, the next CLI call starts us again
                continue
            except OSError:
                time.sleep(0.05)  # e.g. out of descriptors for a moment: keep serving
                continue
            with service.lock:
                service.last_activity = time.monotonic()
            threading.Thread(target=service.connection, args=(conn,), daemon=True).start()
    finally:
        # the socket goes first (and only if it is still the one we bound), while we still own it
        try:
            if os.stat(path).st_ino == bound:
                path.unlink()
        except OSError:
            pass
        server.close()
        service.cancel_all()
        deadline = time.monotonic() + 10
        while service.active and time.monotonic() < deadline:
            time.sleep(0.05)
        service.recorder.close()
        judge.close()
        owner.close()  # releases the lock


def handle_judge(judge: Any, body: dict[str, Any], recorder: Any, cancel: Any = None) -> tuple[str, Any]:
    from ..problems.bank import UnknownProblem
    from .controller import BadSeed, source_problem
    from .isolated import Cancelled

    try:
        visible_only = bool(body.get("visible_only", False))
        # text from any client is made encodable: a lone surrogate must not break the store
        code = str(body["code"]).encode("utf-8", "replace").decode("utf-8")
        refused = source_problem(code)
        if refused:  # refused before anything runs, and not stored: a 50 MB "solution" stays out
            return "usage_error", {"message": refused}
        report = judge.judge(str(body["problem"]), code, body.get("seed"), visible_only=visible_only, cancel=cancel)
    except UnknownProblem as exc:
        return "usage_error", {"message": str(exc)}
    except BadSeed as exc:  # the caller's mistake: nothing judged or stored
        return "usage_error", {"message": str(exc)}
    except Cancelled:
        return "cancelled", {"message": "cancelled: the client went away or asked to stop"}
    except Exception as exc:  # noqa: BLE001
        return "error", {"message": f"judge error: {type(exc).__name__}: {exc}"}
    doc = report.to_json()
    if visible_only:
        return "report", doc  # a Run tries the examples; only submissions count as progress
    warning = recorder(doc, code)
    if warning:
        doc["warning"] = warning
    if isinstance(body.get("terminal"), dict):
        rendered = _render_for(doc, body["terminal"])
        if rendered is not None:
            doc = dict(doc, rendered=rendered)
    return "report", doc


def _render_for(doc: dict[str, Any], terminal: dict[str, Any]) -> dict[str, str] | None:
    """The report as `mianjing judge` prints it, drawn here for the client's terminal: the service
    has rich loaded already, and the client then starts without it (about 40 ms of its start-up).
    None if anything goes wrong: the client then draws it itself."""
    try:
        from ..cli.report import render_text  # the command line's renderer: one look, wherever drawn
        from ..problems.guides import attach_next

        out, err = render_text(attach_next(dict(doc)), terminal)
        return {"out": out, "err": err}
    except Exception:  # noqa: BLE001
        return None


if __name__ == "__main__":
    serve()
