"""Verdicts and results: the contract's snake_case strings and the JSON report."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

ACCEPTED = "accepted"
WRONG_ANSWER = "wrong_answer"
RUNTIME_ERROR = "runtime_error"
TIME_LIMIT_EXCEEDED = "time_limit_exceeded"
MEMORY_LIMIT_EXCEEDED = "memory_limit_exceeded"
FORBIDDEN = "forbidden"
INVALID_SUBMISSION = "invalid_submission"
JUDGE_ERROR = "judge_error"
SKIPPED = "skipped"  # a case not run because an earlier one ended the worker

# Which failing verdict names the whole submission when several cases fail: the most severe first.
SEVERITY = [
    JUDGE_ERROR,
    INVALID_SUBMISSION,
    FORBIDDEN,
    RUNTIME_ERROR,
    MEMORY_LIMIT_EXCEEDED,
    TIME_LIMIT_EXCEEDED,
    WRONG_ANSWER,
]


@dataclass
class CaseResult:
    name: str
    hidden: bool
    verdict: str
    message: str = ""
    time_ms: float = 0.0
    stdout: str = ""
    detail: str = ""  # shapes and flags of the case (hidden inputs described, never dumped)


_CASE_FIELDS = fields(CaseResult)


@dataclass
class Report:
    problem: str
    verdict: str
    passed: int
    total: int
    time_ms: float
    cases: list[CaseResult] = field(default_factory=list)
    message: str = ""
    seed: int = 0
    complexity: dict[str, Any] | None = None
    isolation: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        # by hand, not dataclasses.asdict: that deep-copies every value and costs about 0.2 ms on
        # every verdict the service sends (the fields hold only strings, numbers, lists of strings
        # and the complexity dict of numbers and strings)
        doc = {f.name: getattr(self, f.name) for f in fields(self)}
        doc["cases"] = [{f.name: getattr(c, f.name) for f in _CASE_FIELDS} for c in self.cases]
        doc["isolation"] = list(self.isolation)
        doc["complexity"] = None if self.complexity is None else dict(self.complexity)
        return doc

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> "Report":
        doc = dict(doc)
        doc["cases"] = [CaseResult(**c) for c in doc.get("cases", [])]
        return cls(**doc)


def overall(cases: list[CaseResult]) -> str:
    failing = {c.verdict for c in cases if c.verdict not in (ACCEPTED, SKIPPED)}
    for v in SEVERITY:
        if v in failing:
            return v
    return ACCEPTED
