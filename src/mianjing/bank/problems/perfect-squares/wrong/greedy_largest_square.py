"""Greedy: subtract the largest square that fits until nothing is left."""

from math import isqrt


def num_squares(n: int) -> int:
    count = 0
    while n > 0:
        n -= isqrt(n) ** 2
        count += 1
    return count
