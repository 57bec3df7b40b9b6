"""The judge as one object: a worker pool, prepared cases cached per (problem, seed), and grading.

Used in the per-user service (warm) and by `--no-service` and `selfcheck` (in the calling process).
Construct it before loading anything secret: the pool starts the zygote first.
"""

from __future__ import annotations

import random
import threading
from collections import OrderedDict
from typing import Any

from ..problems.bank import get_problem
from ..problems.spec import Problem
from .controller import Prepared, check_seed, judge_code, prepare
from .isolated import IsolatedSession, WorkerPool
from .verdict import JUDGE_ERROR, Report


class LocalJudge:
    def __init__(self, spare: bool = True, cache_size: int = 64, defer_refill: bool = False):
        """`defer_refill`: the next spare worker is forked when refill() is called (the service
        calls it once the verdict is sent), not as soon as a job ends."""
        self.defer_refill = defer_refill
        # first: the zygote must start before any secret is loaded
        self.pool = WorkerPool(spare=spare, defer_refill=defer_refill)
        self._prepared: OrderedDict[tuple[str, int], Prepared] = OrderedDict()
        self._lock = threading.Lock()  # the service judges in several threads
        self._cache_size = cache_size
        import torch  # the controller runs references; pin it to one thread like the workers

        torch.set_num_threads(1)

    def prepared(self, problem: Problem, seed: int) -> Prepared:
        key = (problem.id, seed)
        with self._lock:  # one preparation at a time: two jobs on a new seed prepare it once
            prep = self._prepared.get(key)
            if prep is None:
                prep = prepare(problem, seed)
                self._prepared[key] = prep
                while len(self._prepared) > self._cache_size:
                    self._prepared.popitem(last=False)
            return prep

    def judge(self, problem_id: str, code: str, seed: int | None = None, visible_only: bool = False,
              cancel: Any = None) -> Report:
        """`cancel` (a threading.Event), once set, ends the job with isolated.Cancelled."""
        problem = get_problem(problem_id)  # UnknownProblem propagates: a usage error, not a verdict
        if seed is None:
            seed = random.randrange(1 << 30)
        seed = check_seed(seed)  # ValueError: a usage error too, never a judge_error
        try:
            prep = self.prepared(problem, seed)
        except Exception as exc:  # noqa: BLE001 - a broken problem is our fault
            return Report(problem.id, JUDGE_ERROR, 0, 0, 0.0, [], f"the problem's reference or cases failed: {exc}", seed)
        with self._lock:
            if not self.pool.alive():
                self.pool.close()
                self.pool = WorkerPool(spare=self.pool.spare_enabled, defer_refill=self.defer_refill)
            pool = self.pool
        return judge_code(problem, code, prep, lambda: IsolatedSession(pool, cancel), visible_only)

    def refill(self) -> None:
        """Fork the next spare worker now, if there is none (see defer_refill)."""
        from .isolated import ZygoteError

        try:
            self.pool.refill()
        except ZygoteError:
            pass  # the next job starts a new pool

    @property
    def layers(self) -> list[str]:
        return self.pool.last_layers

    def close(self) -> None:
        self.pool.close()
