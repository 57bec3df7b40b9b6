"""Recursion without memoisation: the same (i, j) is recomputed once per path through it, so the
work grows like the answer itself."""


def unique_paths(m: int, n: int) -> int:
    if m == 1 or n == 1:
        return 1
    return unique_paths(m - 1, n) + unique_paths(m, n - 1)
