"""Run and Submit from every tab, answered in order by one thread that talks to the judge service.

The web process never executes submitted code: a job is handed to `judge_via_service` (which starts
the service if needed), and the service stores submissions itself, so a verdict is kept even if the
browser closes mid-judge. The queue is bounded: when it is full the caller gets `QueueFull` (429).
"""

from __future__ import annotations

import itertools
import queue
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Callable

MAX_CODE_BYTES = 64 * 1024
MODES = ("run", "submit")

JudgeFn = Callable[[str, str, bool], dict[str, Any]]  # (problem, code, visible_only) -> report document


class QueueFull(Exception):
    pass


class JudgeFailed(Exception):
    """The judge service could not give a verdict (not the submission's fault)."""


def service_judge(problem: str, code: str, visible_only: bool) -> dict[str, Any]:
    from ..judge.service import ServiceError, judge_via_service

    try:
        return judge_via_service(problem, code, None, visible_only=visible_only)
    except LookupError as exc:
        raise JudgeFailed(str(exc)) from exc
    except (ServiceError, OSError) as exc:
        raise JudgeFailed(f"the judge service failed: {exc}. Try again; `mianjing doctor` shows its state.") from exc


@dataclass
class Job:
    id: str
    problem: str
    mode: str
    code: str
    state: str = "queued"  # queued -> running -> done | error
    created: float = field(default_factory=time.monotonic)
    started: float | None = None
    finished: float | None = None
    doc: dict[str, Any] | None = None
    error: str | None = None
    future: Future = field(default_factory=Future)

    def public(self, position: int | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"job": self.id, "problem": self.problem, "mode": self.mode, "state": self.state}
        if position is not None:
            out["position"] = position
        if self.doc is not None:
            out["report"] = self.doc
        if self.error is not None:
            out["error"] = self.error
        return out


class JudgeQueue:
    def __init__(self, judge: JudgeFn = service_judge, limit: int = 8, keep: int = 200):
        self.judge = judge
        self.limit = limit
        self._pending: "queue.Queue[Job | None]" = queue.Queue()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._order: list[str] = []  # ids not finished, in arrival order
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._keep = keep
        self._thread = threading.Thread(target=self._work, name="mianjing-judge-queue", daemon=True)
        self._thread.start()

    def submit(self, problem: str, code: str, mode: str) -> Job:
        with self._lock:
            if len(self._order) >= self.limit:
                raise QueueFull(f"{len(self._order)} submissions are already waiting for the judge; "
                                "wait for one to finish and try again")
            job = Job(id=f"j{next(self._ids)}", problem=problem, mode=mode, code=code)
            self._jobs[job.id] = job
            self._order.append(job.id)
            while len(self._jobs) > self._keep:
                oldest = next(iter(self._jobs))
                if oldest in self._order:
                    break
                self._jobs.pop(oldest)
        self._pending.put(job)
        return job

    def get(self, job_id: str) -> tuple[Job, int | None] | None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return None
            pos = self._order.index(job_id) if job_id in self._order else None
            return job, pos

    def _work(self) -> None:
        while True:
            job = self._pending.get()
            if job is None:
                return
            job.state, job.started = "running", time.monotonic()
            try:
                job.doc = self.judge(job.problem, job.code, job.mode == "run")
                job.state = "done"
            except JudgeFailed as exc:
                job.error, job.state = str(exc), "error"
            except Exception as exc:  # noqa: BLE001 - a bug here must not kill the queue
                job.error, job.state = f"internal error: {type(exc).__name__}: {exc}", "error"
            job.finished = time.monotonic()
            with self._lock:
                self._order.remove(job.id)
            if job.future.set_running_or_notify_cancel():  # False only if a waiter cancelled it
                job.future.set_result(job)

    def close(self) -> None:
        self._pending.put(None)
