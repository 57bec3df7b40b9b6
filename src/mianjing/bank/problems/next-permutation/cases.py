"""Cases for next-permutation: the examples, one and two elements, the last permutation (wraps
around), runs of equal values, all equal, random lists with few distinct values (many duplicates),
and long lists. The harness reads back the caller's own list."""

import numpy as np

from mianjing.problems.case import Case


def _ints(rng: np.random.Generator, n: int, hi: int) -> list[int]:
    return [int(v) for v in rng.integers(0, hi + 1, size=n)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [2, 4, 7]}, hidden=False),
        Case("example-2", {"nums": [9, 5, 3]}, hidden=False),
        Case("example-3", {"nums": [4, 4, 8]}, hidden=False),
        Case("example-4", {"nums": [2, 6, 5]}, hidden=False),
        Case("edge-single", {"nums": [7]}),
        Case("edge-two-ascending", {"nums": [1, 2]}),
        Case("edge-two-descending", {"nums": [2, 1]}, note="the last permutation of two: wraps around"),
        Case("edge-all-equal", {"nums": [4, 4, 4, 4]}),
        Case("edge-equal-pivot-neighbour", {"nums": [1, 5, 1, 1]}, note="equal values right after the pivot"),
        Case("edge-equal-suffix", {"nums": [2, 3, 3, 1]}, note="duplicates in the suffix: swap with the rightmost larger"),
        Case("edge-pivot-first", {"nums": [1, 5, 4, 3, 2]}, note="the pivot is the first element"),
        Case("edge-long-descending", {"nums": list(range(100, -1, -1))}, note="the last permutation of 101 values"),
        Case("edge-zeros", {"nums": [0, 0, 1, 0]}),
    ]
    for k in range(10):
        n = int(rng.integers(2, 12))
        out.append(Case(f"random-{k + 1}", {"nums": _ints(rng, n, 2 if k < 5 else 100)}))
    for k in range(3):
        nums = _ints(rng, 1000, 100)
        cut = int(rng.integers(1, 50))  # a long non-increasing tail makes the suffix matter
        nums[-cut:] = sorted(nums[-cut:], reverse=True)
        out.append(Case(f"random-long-{k + 1}", {"nums": nums}, note="1000 values, a sorted-down tail"))
    return out
