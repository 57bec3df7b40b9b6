"""Cases for lis: the examples, duplicates and monotone edges, random arrays, and a complexity
series of large arrays on which only an O(n log n) solution stays within the time limit."""

import numpy as np

from mianjing.problems.case import Case


def _ints(a: np.ndarray) -> list[int]:
    return [int(v) for v in a]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [6, 2, 8, 4, 5, 9, 3, 11]}, hidden=False),
        Case("example-2", {"nums": [3, 4, 1, 6, 5, 6]}, hidden=False),
        Case("example-3", {"nums": [5, 5, 5, 5]}, hidden=False),
        Case("example-4", {"nums": [5, 12, 5, 2, 9, 10]}, hidden=False),
        Case("edge-single", {"nums": [5]}),
        Case("edge-increasing", {"nums": list(range(-5, 20))}),
        Case("edge-decreasing", {"nums": list(range(20, -5, -1))}),
        Case("edge-early-peak", {"nums": [100, 1, 2, 3, 4]}, note="a large first element must not block the chain"),
        Case("edge-duplicates", {"nums": [1, 2, 2, 2, 3, 3, 4]}, note="equal neighbours do not count"),
        Case("edge-negative", {"nums": [-2, -1, -3, -10000, 10000, 0]}),
    ]
    for k in range(6):
        n = int(rng.integers(1, 60))
        hi = 5 if k < 2 else 1000  # few distinct values: many duplicates
        out.append(Case(f"random-{k + 1}", {"nums": _ints(rng.integers(-hi, hi + 1, size=n))}))
    # sized too: a quadratic solution finishes it, so its growth can be fitted even when it times
    # out on the first large case
    out.append(Case("random-1000", {"nums": _ints(rng.integers(-10**4, 10**4 + 1, size=1000))}, size=1000))
    for k, n in enumerate((5_000, 10_000, 20_000, 40_000)):
        # random values with an upward drift: a long answer and a tails array that keeps changing
        nums = rng.integers(-10**4, 10**4 + 1, size=n) + np.arange(n) // 8
        out.append(Case(f"large-{k + 1}", {"nums": _ints(nums)}, size=n, note=f"{n} numbers"))
    return out
