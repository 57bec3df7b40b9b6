"""Unisolated grader: runs the submission inside this process, as notebook checkers do.

Never used for verdicts a user sees. It exists as the baseline the benchmark compares against
(bench/judge_latency.py) and to show, in tests, what the isolated grader protects against.
"""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from . import wire
from .worker import Submission


class InProcessSession:
    isolation: list[str] = ["none (in-process)"]

    def __init__(self) -> None:
        self.sub: Submission | None = None
        self.queue: deque[bytes] = deque()

    def start(self, job: dict[str, Any], timeout_s: float) -> tuple[str, dict[str, Any]]:
        self.sub = Submission(job)
        err = self.sub.check()
        if err is not None:
            return "rejected", err
        err = self.sub.setup()
        return ("setup_error", err) if err is not None else ("ready", {})

    def submit(self, message: bytes) -> None:
        self.queue.append(message)

    def collect(self, limit_s: float) -> tuple[str, dict[str, Any], float, float]:
        """Run the oldest case submitted here; the same wire round trip as the isolated path, so
        outputs look the same and the CPU time covers the same work. No limit is enforced."""
        assert self.sub is not None
        t0, w0 = time.thread_time(), time.perf_counter()
        _, msg = wire.decode(self.queue.popleft()[4:])
        kind, body = self.sub.run(msg["inputs"], msg["seed"])
        kind, body = wire.decode(wire.encode(kind, body)[4:])
        return kind, body, (time.thread_time() - t0) * 1000, (time.perf_counter() - w0) * 1000

    def close(self) -> None:
        self.sub = None
