"""Knows that few squares suffice, but stops at three: one square, two squares, else 3."""

from math import isqrt


def num_squares(n: int) -> int:
    if isqrt(n) ** 2 == n:
        return 1
    for k in range(1, isqrt(n) + 1):
        rest = n - k * k
        if isqrt(rest) ** 2 == rest:
            return 2
    return 3
