"""The isolated grader: a pool of one warm zygote and one pre-forked, pre-hardened spare worker.

The controller talks to each worker directly over its own socketpair; the zygote only forks.
Every receive has a deadline, and the last word is SIGKILL to the worker's process group.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from typing import Any

from . import verify, wire
from .controller import Timeout, WorkerDied, wall_deadline_s
from .cputime import cpu_seconds


class ZygoteError(RuntimeError):
    pass


class Cancelled(BaseException):
    """The job was cancelled (its client went away). A BaseException so that no `except Exception`
    on the way turns it into a verdict: it ends the job, and nothing is stored."""


_POLL_S = 0.1  # how often a wait looks at the job's cancel flag


# What the zygote (and so every worker) gets of the user's environment: only what starting Python
# and reading text need. API keys, cloud credentials and tokens in the user's environment stay out.
_PASSED_ENV = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "PYTHONPATH", "LD_LIBRARY_PATH",
               "MIANJING_NO_SECCOMP", "MIANJING_DISABLE_LAYERS", "MIANJING_JUDGE_DEBUG")


def worker_environment() -> dict[str, str]:
    env = {k: os.environ[k] for k in _PASSED_ENV if k in os.environ}
    env.setdefault("PATH", "/usr/bin:/bin")
    env.setdefault("LANG", "C.UTF-8")
    env["HOME"] = "/nonexistent"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


class Worker:
    def __init__(self, pid: int, sock: socket.socket, layers: list[str]):
        self.pid, self.sock, self.layers = pid, sock, layers

    def kill(self) -> None:
        for target in (-self.pid, self.pid):  # its group (it called setsid), then itself
            try:
                os.kill(target, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        try:
            self.sock.close()
        except OSError:
            pass


def _wait(sock: socket.socket, deadline: float, cancel: Any, write: bool = False) -> None:
    """Until `sock` is ready; Timeout at the deadline, Cancelled as soon as `cancel` is set."""
    while True:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        left = deadline - time.monotonic()
        if left <= 0:
            raise Timeout()
        step = left if cancel is None else min(left, _POLL_S)
        r, w, _ = select.select([] if write else [sock], [sock] if write else [], [], step)
        if r or w:
            return


def recv_deadline(sock: socket.socket, deadline: float, max_bytes: int = wire.MAX_MESSAGE,
                  cancel: Any = None) -> tuple[str, Any]:
    """One framed message before `deadline` (time.monotonic()); Timeout or WorkerDied otherwise."""

    def read(n: int) -> bytes:
        buf = bytearray()
        while len(buf) < n:
            _wait(sock, deadline, cancel)
            try:
                chunk = sock.recv(min(n - len(buf), 1 << 20))
            except OSError as exc:
                raise WorkerDied(f"channel error: {exc}") from None
            if not chunk:
                raise WorkerDied("the process exited")
            buf += chunk
        return bytes(buf)

    (length,) = struct.unpack(">I", read(4))
    if length > max_bytes:
        raise wire.WireError(f"a message of {length} bytes is over the {max_bytes}-byte cap")
    return wire.decode(read(length))


def send_all(sock: socket.socket, data: bytes, deadline: float, cancel: Any = None) -> None:
    view = memoryview(data)
    while view:
        _wait(sock, deadline, cancel, write=True)
        try:
            n = sock.send(view)
        except (BrokenPipeError, ConnectionResetError) as exc:
            raise WorkerDied(f"the process exited ({exc})") from None
        view = view[n:]


class WorkerPool:
    """Owns the zygote. `take()` returns a hardened worker and starts forking the next one."""

    def __init__(self, spare: bool = True, start_timeout: float = 120.0, defer_refill: bool = False):
        self.spare_enabled = spare
        # the service forks the next spare after it has answered (refill() from there): forking
        # and hardening take a CPU, and on a small machine that CPU is the one finishing the reply
        self.defer_refill = defer_refill
        ctl, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mianjing.judge.zygote", str(child.fileno())],
            pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env=worker_environment(), start_new_session=True,
        )
        child.close()
        self.ctl = ctl
        self.ctl.settimeout(start_timeout)
        try:
            msg = self.ctl.recv(4096)
        except socket.timeout:
            self.close()
            raise ZygoteError("the judge's zygote did not start in time") from None
        if not msg or not json.loads(msg).get("ready"):
            self.close()
            raise ZygoteError("the judge's zygote failed to start (is torch installed? try `mianjing doctor`)")
        self.ctl.settimeout(30)
        # the spare: its socket (its pid reply is still to be read: replies come in request order,
        # so requests and replies are paired under one lock, jobs running in several threads)
        self._spare: socket.socket | None = None
        self._lock = threading.Lock()
        self.last_layers: list[str] = []
        if spare:
            self._spare = self._request()

    def _request(self) -> socket.socket:
        """Ask the zygote to fork a worker on a new socketpair; the reply is read in take()."""
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            socket.send_fds(self.ctl, [b'{"op": "spawn"}'], [theirs.fileno()])
        except OSError as exc:
            mine.close()
            raise ZygoteError(f"the judge's zygote stopped answering: {exc}") from None
        finally:
            theirs.close()
        return mine

    def _pid_reply(self) -> int:
        try:
            reply = self.ctl.recv(4096)
        except OSError as exc:
            raise ZygoteError(f"the judge's zygote stopped answering: {exc}") from None
        if not reply:
            raise ZygoteError("the judge's zygote exited")
        return int(json.loads(reply)["pid"])

    def take(self, timeout_s: float = 30.0) -> Worker:
        with self._lock:
            sock = self._spare if self._spare is not None else self._request()
            self._spare = None
            pid = self._pid_reply()
        worker = Worker(pid, sock, [])
        try:
            kind, body = recv_deadline(sock, time.monotonic() + timeout_s)
        except (Timeout, WorkerDied, wire.WireError) as exc:
            worker.kill()
            raise ZygoteError(f"a judge worker failed to start: {type(exc).__name__} {exc}") from None
        if kind != "hello":
            worker.kill()
            raise ZygoteError("a judge worker sent no hello")
        layers = body.get("layers", []) if isinstance(body, dict) else []
        worker.layers = [x for x in layers if isinstance(x, str)][:16]
        self.last_layers = worker.layers
        return worker

    def refill(self) -> None:
        """Fork the next spare (after a job, so it hardens while the controller is idle)."""
        with self._lock:
            if self.spare_enabled and self._spare is None and self.alive():
                self._spare = self._request()

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        with self._lock:
            if self._spare is not None:
                self._spare.close()  # the worker sees EOF on its job channel and exits
                self._spare = None
        try:
            self.ctl.close()
        except OSError:
            pass
        try:  # the zygote sees EOF, kills its workers and removes its temporary directory
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            pass
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass


class IsolatedSession:
    """One submission in one hardened worker; the controller's side of the conversation."""

    def __init__(self, pool: WorkerPool, cancel: Any = None):
        self.pool = pool
        self.cancel = cancel  # a threading.Event: set, it ends the job (Cancelled)
        self.worker = pool.take()
        self.isolation = self.worker.layers
        self._cpu0: float | None = None
        self._t0 = time.monotonic()
        self._inflight = 0  # cases sent, not yet collected

    def start(self, job: dict[str, Any], timeout_s: float) -> tuple[str, dict[str, Any]]:
        """Send the job. The worker's first answer ("checked") comes before any submitted code
        runs: its layers (checked against /proc) and a refusal are believed; nothing later is."""
        deadline = time.monotonic() + timeout_s
        send_all(self.worker.sock, wire.encode("job", job), deadline, self.cancel)
        try:
            kind, body = recv_deadline(self.worker.sock, deadline, cancel=self.cancel)
            if kind != "checked" or not isinstance(body, dict):
                return "protocol_error", {}
            layers = self.worker.layers + [str(x) for x in body.get("layers", []) if isinstance(x, str)][:8]
            self.isolation = verify.checked_layers(self.worker.pid, layers)
            self.pool.last_layers = self.isolation
            if body.get("error") is not None:
                return "rejected", body["error"] if isinstance(body["error"], dict) else {}
            return recv_deadline(self.worker.sock, deadline, cancel=self.cancel)
        except wire.WireError as exc:
            return "setup_error", {"verdict": "runtime_error", "message": f"the submission corrupted the judge channel: {exc}"}

    def submit(self, message: bytes) -> None:
        """Send one encoded case. With nothing in flight the worker is waiting for it, so its CPU
        clock read now is the case's start; a case queued behind others starts when the one
        before it is collected (collect() reads the clock then)."""
        if self._inflight == 0:
            self._cpu0 = self._cpu()
            self._t0 = time.monotonic()
        self._inflight += 1
        send_all(self.worker.sock, message, time.monotonic() + 30.0, self.cancel)

    def _cpu(self) -> float | None:
        try:
            return cpu_seconds(self.worker.pid)
        except (OSError, ValueError, IndexError):
            return None  # gone: the socket says so next

    def collect(self, limit_s: float) -> tuple[str, dict[str, Any], float, float]:
        """The answer to the oldest case in flight, with its CPU and wall milliseconds. Timeout once
        the worker's CPU time for the case passes `limit_s`, or its wall time the safety net."""
        wall_end = self._t0 + wall_deadline_s(limit_s)
        step = min(0.1, max(0.005, limit_s / 8))
        sock = self.worker.sock
        while True:
            if self.cancel is not None and self.cancel.is_set():
                raise Cancelled()
            now = time.monotonic()
            ready, _, _ = select.select([sock], [], [], max(0.0, min(step, wall_end - now)))
            if ready:
                break
            used = self._used_ms()
            if used is not None and used > limit_s * 1000:
                raise Timeout(cpu_ms=used, wall_ms=(time.monotonic() - self._t0) * 1000)
            if time.monotonic() >= wall_end:
                raise Timeout(cpu_ms=used, wall_ms=(time.monotonic() - self._t0) * 1000, on_wall=True)
        try:
            kind, body = recv_deadline(sock, wall_end, cancel=self.cancel)
        except wire.WireError as exc:
            raise WorkerDied(f"the submission corrupted the judge channel ({exc})") from None
        except Timeout:
            raise Timeout(cpu_ms=self._used_ms(), wall_ms=(time.monotonic() - self._t0) * 1000, on_wall=True) from None
        now_wall, now_cpu = time.monotonic(), self._cpu()
        wall_ms = (now_wall - self._t0) * 1000
        used = None if now_cpu is None or self._cpu0 is None else (now_cpu - self._cpu0) * 1000
        cpu_ms = wall_ms if used is None else used
        self._inflight -= 1
        self._cpu0, self._t0 = now_cpu, now_wall  # the next case in flight, if any, runs from here
        if used is not None and used > limit_s * 1000:
            # over the limit, answered between two looks at the clock: the same verdict as if a
            # look had caught it (the clock is read every 100 ms, so this was luck, not speed)
            raise Timeout(cpu_ms=used, wall_ms=wall_ms)
        if not isinstance(body, dict):
            return "protocol_error", {}, cpu_ms, wall_ms
        return kind, body, cpu_ms, wall_ms

    def _used_ms(self) -> float | None:
        now = self._cpu()
        return None if now is None or self._cpu0 is None else (now - self._cpu0) * 1000

    def close(self) -> None:
        self.worker.kill()
        if not self.pool.defer_refill:
            try:
                self.pool.refill()
            except ZygoteError:
                pass
