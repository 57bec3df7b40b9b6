"""The worker side: run one submission's cases and report plain outputs. Untrusted territory.

Everything here runs after the sandbox is up (see harden.py), in a process that holds no
references, no expected outputs and no other user's data. Nothing it sends can make a wrong
answer pass: the controller compares, and a worker that lies only breaks its own run.
"""

from __future__ import annotations

import builtins
import io
import sys
import time
import traceback
from typing import Any

from . import harness, wire

SUBMISSION_FILE = "submission.py"
STDOUT_CAP = 8192  # characters of the user's own prints kept per case


class ForbiddenUse(Exception):
    pass


class CappedWriter(io.TextIOBase):
    """Stands in for sys.stdout/sys.stderr: keeps the first STDOUT_CAP characters, drops the rest."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.dropped = 0

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        s = str(s)
        room = STDOUT_CAP - self.size
        if room > 0:
            self.parts.append(s[:room])
            self.size += min(len(s), room)
        self.dropped += max(0, len(s) - max(room, 0))
        return len(s)

    def take(self) -> str:
        out = "".join(self.parts)
        if self.dropped:
            out += f"\n... ({self.dropped} more characters not shown)"
        self.parts, self.size, self.dropped = [], 0, 0
        return out


def user_traceback(exc: BaseException) -> str:
    """The traceback limited to the user's own frames, then the exception line."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == SUBMISSION_FILE]
    lines = traceback.format_list(frames[-8:])
    lines += traceback.format_exception_only(type(exc), exc)
    return "".join(lines)[-4000:]


def _is_memory_error(exc: BaseException) -> bool:
    if isinstance(exc, MemoryError):
        return True
    if isinstance(exc, OSError) and exc.errno == 12:  # ENOMEM, e.g. from mmap
        return True
    text = str(exc)
    return isinstance(exc, RuntimeError) and (
        "can't allocate memory" in text or "not enough memory" in text or "std::bad_alloc" in text
    )


def classify(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, ForbiddenUse):
        return {"verdict": "forbidden", "message": str(exc)}
    if _is_memory_error(exc):
        return {"verdict": "memory_limit_exceeded", "message": "ran out of memory (the memory limit was reached)"}
    if isinstance(exc, harness.HarnessError):
        return {"verdict": exc.verdict, "message": str(exc)}
    if isinstance(exc, NotImplementedError):
        return {"verdict": "runtime_error", "message": "NotImplementedError: the stub is not filled in yet",
                "traceback": user_traceback(exc)}
    if isinstance(exc, RecursionError):
        return {"verdict": "runtime_error", "message": "RecursionError: maximum recursion depth exceeded",
                "traceback": user_traceback(exc)}
    if isinstance(exc, (SystemExit, KeyboardInterrupt)):
        return {"verdict": "runtime_error", "message": f"{type(exc).__name__} raised: the code tried to exit"}
    return {"verdict": "runtime_error", "message": f"{type(exc).__name__}: {exc}"[:500],
            "traceback": user_traceback(exc)}


def install_guards(targets: list[str]) -> None:
    """Replace each forbidden dotted name (e.g. torch.nn.functional.layer_norm) with a raiser."""
    for dotted in targets:
        mod_name, _, attr = dotted.rpartition(".")
        parts = mod_name.split(".")
        obj = sys.modules.get(parts[0])
        for p in parts[1:]:
            obj = getattr(obj, p, None) if obj is not None else None
        if obj is None or not hasattr(obj, attr):
            continue

        def guard(*_a: Any, _name: str = dotted, **_k: Any) -> Any:
            raise ForbiddenUse(f"{_name} is not allowed in this problem: write it yourself")

        try:
            setattr(obj, attr, guard)
        except (AttributeError, TypeError):
            pass


class Submission:
    """One submission, loaded once, then called case by case."""

    def __init__(self, job: dict[str, Any]):
        self.job = job
        self.spec = harness_spec(job["harness"])
        self.entry: Any = None
        self.custom: dict[str, Any] | None = None
        self.out = CappedWriter()

    def setup(self) -> dict[str, Any] | None:
        """Compile and execute the module body. Returns an error dict, or None when ready."""
        job = self.job
        try:
            self.custom = harness.load_custom(job.get("harness_src"))
        except Exception as exc:  # noqa: BLE001
            return {"verdict": "judge_error", "message": f"problem harness failed to load: {exc}"}
        if job.get("recursion_limit"):  # the depth the statement promises (trees and lists up to its sizes)
            sys.setrecursionlimit(int(job["recursion_limit"]))
        ns: dict[str, Any] = {"__name__": "submission", "__builtins__": builtins}
        if self.custom and "setup" in self.custom:
            self.custom["setup"](ns)
        try:
            code = compile(job["code"], SUBMISSION_FILE, "exec")
        except (SyntaxError, ValueError) as exc:
            return {"verdict": "invalid_submission", "message": f"{type(exc).__name__}: {exc}"}
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = self.out
        try:
            exec(code, ns)
        except BaseException as exc:  # noqa: BLE001 - the user's module body failed
            err = classify(exc)
            err["stdout"] = self.out.take()
            return err
        finally:
            sys.stdout, sys.stderr = saved
        entry = ns.get(job["entry"])
        if entry is None:
            return {"verdict": "invalid_submission",
                    "message": f"your code does not define `{job['entry']}` (the statement's signature: {job['signature']})",
                    "stdout": self.out.take()}
        self.entry = entry
        return None

    def run(self, inputs: dict[str, Any], seed: int) -> tuple[str, dict[str, Any]]:
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = self.out
        try:
            outputs = harness.run_case(self.entry, inputs, self.spec, self.job["dtype"], seed, self.custom)
            return "result", {"outputs": outputs, "stdout": self.out.take()}
        except BaseException as exc:  # noqa: BLE001
            err = classify(exc)
            err["stdout"] = self.out.take()
            return "error", err
        finally:
            sys.stdout, sys.stderr = saved


def harness_spec(d: dict[str, Any]) -> Any:
    from types import SimpleNamespace

    return SimpleNamespace(
        mode=d.get("mode", "function"), outputs=list(d.get("outputs", ["out"])), grad=list(d.get("grad", [])),
        no_grad=list(d.get("no_grad", [])), param_grad=bool(d.get("param_grad", False)),
    )


def serve(fd: int, apply_job_limits: Any = None) -> None:
    """Worker main loop on the job socket: job, then case after case, until 'bye' or EOF."""
    kind, job = wire.recv(fd)
    if kind != "job":
        return
    layers: list[str] = []
    if apply_job_limits is not None:
        layers = apply_job_limits(job)  # final rlimits and seccomp, before any user byte runs
    install_guards(job.get("guards", []))
    sub = Submission(job)
    err = sub.setup()
    if err is not None:
        wire.send(fd, "setup_error", err)
        return
    wire.send(fd, "ready", {"layers": layers})
    while True:
        try:
            kind, msg = wire.recv(fd)
        except EOFError:
            return
        if kind != "case":
            return
        t0 = time.perf_counter()
        kind, body = sub.run(msg["inputs"], msg["seed"])
        body["worker_ms"] = (time.perf_counter() - t0) * 1000  # informative only: the controller times
        try:
            wire.send(fd, kind, body)
        except wire.WireError as exc:
            wire.send(fd, "error", {"verdict": "wrong_answer", "message": f"the output cannot be read: {exc}",
                                     "stdout": body.get("stdout", "")})
