"""Tries every square as the last one, recursively, with no memory of solved amounts."""

from math import isqrt


def num_squares(n: int) -> int:
    if n == 0:
        return 0
    return 1 + min(num_squares(n - k * k) for k in range(1, isqrt(n) + 1))
