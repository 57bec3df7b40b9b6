"""Answers whose order does not matter: compare as multisets."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from .result import CheckResult


def check_unordered(name: str, expected: list[Any], got: Any) -> CheckResult:
    if not isinstance(got, list):
        return CheckResult.failed(f"{name}: expected a list, got {type(got).__name__}")
    key = lambda v: json.dumps(v, sort_keys=True)  # noqa: E731
    e, g = Counter(map(key, expected)), Counter(map(key, got))
    if e == g:
        return CheckResult.passed()
    missing, extra = e - g, g - e
    parts = []
    if missing:
        parts.append(f"{sum(missing.values())} expected item(s) missing")
    if extra:
        parts.append(f"{sum(extra.values())} unexpected item(s), e.g. {next(iter(extra))[:80]}")
    return CheckResult.failed(f"{name}: " + "; ".join(parts))
