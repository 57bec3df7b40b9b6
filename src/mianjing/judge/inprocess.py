"""Unisolated grader: runs the submission inside this process, as notebook checkers do.

Never used for verdicts a user sees. It exists as the baseline the benchmark compares against
(bench/judge_latency.py) and to show, in tests, what the isolated grader protects against.
"""

from __future__ import annotations

import time
from typing import Any

from . import wire
from .worker import Submission


class InProcessSession:
    isolation: list[str] = ["none (in-process)"]

    def __init__(self) -> None:
        self.sub: Submission | None = None

    def start(self, job: dict[str, Any], timeout_s: float) -> tuple[str, dict[str, Any]]:
        self.sub = Submission(job)
        err = self.sub.check()
        if err is not None:
            return "rejected", err
        err = self.sub.setup()
        return ("setup_error", err) if err is not None else ("ready", {})

    def run(self, inputs: dict[str, Any], seed: int, timeout_s: float) -> tuple[str, dict[str, Any], float]:
        assert self.sub is not None
        t0 = time.perf_counter()
        kind, body = self.sub.run(inputs, seed)
        # round-trip through the wire format, as the isolated path does, so outputs look the same
        kind, body = wire.decode(wire.encode(kind, body)[4:])
        return kind, body, (time.perf_counter() - t0) * 1000

    def close(self) -> None:
        self.sub = None
