"""Self-check: every reference is accepted and every known-wrong solution gets the verdict it names.

This is how we know the tests test something: a checker that accepts everything fails here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..judge.verdict import ACCEPTED
from .spec import Problem


@dataclass
class Outcome:
    problem: str
    seed: int
    solution: str  # "reference.py" or "wrong/<file>.py"
    expected: str
    got: str
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.expected == self.got


@dataclass
class SelfcheckResult:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.ok for o in self.outcomes)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked": len(self.outcomes),
            "failures": [o.__dict__ for o in self.outcomes if not o.ok],
            "outcomes": [o.__dict__ | {"ok": o.ok} for o in self.outcomes],
        }


def selfcheck_problem(problem: Problem, seeds: list[int], judge: Callable[[Problem, str, int], Any]) -> list[Outcome]:
    """judge(problem, code, seed) -> Report. References over all seeds; each wrong solution on the
    first seed, since one rejection is what it must earn."""
    out: list[Outcome] = []
    for seed in seeds:
        rep = judge(problem, problem.reference_source(), seed)
        out.append(Outcome(problem.id, seed, "reference.py", ACCEPTED, rep.verdict, rep.message))
    for w in problem.wrong:
        code = problem.wrong_source(w)
        for seed in seeds[:1]:
            rep = judge(problem, code, seed)
            out.append(Outcome(problem.id, seed, w.file, w.expect, rep.verdict, rep.message))
    return out
