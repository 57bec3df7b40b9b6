"""The closed form with the wrong counts: a path makes m - 1 down moves among m + n - 2 moves, not m
among m + n."""

from math import comb


def unique_paths(m: int, n: int) -> int:
    return comb(m + n, m)
