"""Counts every way to split n into ordered parts (2^(n-1)), forgetting that a step is 1 or 2 stairs."""


def climb_stairs(n: int) -> int:
    return 2 ** (n - 1)
