"""Plain values (algorithm problems): equal as JSON values, with the first difference located."""

from __future__ import annotations

from typing import Any

from .result import CheckResult

_MAX_SHOWN = 200


def _short(v: Any) -> str:
    s = repr(v)
    return s if len(s) <= _MAX_SHOWN else s[: _MAX_SHOWN - 3] + "..."


def _first_diff(expected: Any, got: Any, path: str) -> str | None:
    if type(expected) is bool or type(got) is bool:
        return None if (type(got) is type(expected) and got == expected) else f"{path}: got {_short(got)}, expected {_short(expected)}"
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        if isinstance(expected, int) and not isinstance(got, int):
            return f"{path}: got {_short(got)} ({type(got).__name__}), expected the integer {expected}"
        return None if got == expected else f"{path}: got {_short(got)}, expected {_short(expected)}"
    if isinstance(expected, list):
        if not isinstance(got, list):
            return f"{path}: got {_short(got)}, expected a list"
        for i, (e, g) in enumerate(zip(expected, got)):
            d = _first_diff(e, g, f"{path}[{i}]")
            if d:
                return d
        if len(got) != len(expected):
            return f"{path}: length {len(got)}, expected {len(expected)}"
        return None
    if isinstance(expected, dict):
        if not isinstance(got, dict) or set(got) != set(expected):
            return f"{path}: got {_short(got)}, expected {_short(expected)}"
        for k in expected:
            d = _first_diff(expected[k], got[k], f"{path}[{k!r}]")
            if d:
                return d
        return None
    return None if (type(got) is type(expected) and got == expected) else f"{path}: got {_short(got)}, expected {_short(expected)}"


def check_exact(name: str, expected: Any, got: Any, *, hidden: bool) -> CheckResult:
    diff = _first_diff(expected, got, name)
    if diff is None:
        return CheckResult.passed()
    if hidden:
        # a hidden case's expected value (and the submission's own answer, which could carry its
        # inputs out) is never shown: only where the first difference is
        return CheckResult.failed(f"{_where(expected, got, name)}: wrong value")
    return CheckResult.failed(diff)


def _where(expected: Any, got: Any, path: str) -> str:
    """The path of the first difference, without any value."""
    if isinstance(expected, list) and isinstance(got, list):
        for i, (e, g) in enumerate(zip(expected, got)):
            if _first_diff(e, g, "") is not None:
                return _where(e, g, f"{path}[{i}]")
        return f"{path} (length)"
    if isinstance(expected, dict) and isinstance(got, dict) and set(got) == set(expected):
        for k in expected:
            if _first_diff(expected[k], got[k], "") is not None:
                return _where(expected[k], got[k], f"{path}[{k!r}]")
    return path
