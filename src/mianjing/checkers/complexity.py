"""Growth exponent of running time in the input size: a least-squares slope of log t on log n."""

from __future__ import annotations

import math


def growth_exponent(points: list[tuple[int, float]]) -> float | None:
    """points: (n, seconds). Returns the fitted exponent k in t ~ n^k, or None if it can't be fitted."""
    pts = [(math.log(n), math.log(max(t, 1e-6))) for n, t in points if n > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    if sxx == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in pts) / sxx


def describe_exponent(k: float) -> str:
    """A readable big-O guess for a fitted exponent."""
    if k < 0.4:
        return "O(1) or O(log n)"
    if k < 1.35:
        return "O(n) or O(n log n)"
    if k < 1.7:
        return "O(n^1.5)"
    if k < 2.5:
        return "O(n^2)"
    return f"O(n^{k:.1f})"
