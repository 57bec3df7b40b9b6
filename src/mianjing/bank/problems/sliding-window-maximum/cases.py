"""Cases for sliding-window-maximum: the examples, k = 1, k = n, decreasing and increasing arrays,
repeated maxima, negatives, random arrays, and a complexity series with k = n / 4 on which only an
O(n) solution stays within the time limit."""

import numpy as np

from mianjing.problems.case import Case

TOP = 10**4


def _ints(a) -> list[int]:
    return [int(v) for v in a]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [2, 6, -2, 1, 0, 7, 3, 4], "k": 3}, hidden=False),
        Case("example-2", {"nums": [1], "k": 1}, hidden=False),
        Case("example-3", {"nums": [9, 8, 7, 6, 5], "k": 2}, hidden=False),
        Case("edge-k-one", {"nums": [4, -2, 7, 0], "k": 1}),
        Case("edge-k-is-n", {"nums": [4, -2, 7, 0], "k": 4}),
        Case("edge-increasing", {"nums": list(range(12)), "k": 4}),
        Case("edge-decreasing", {"nums": list(range(12, 0, -1)), "k": 5}, note="the maximum leaves every step"),
        Case("edge-repeated-max", {"nums": [5, 5, 1, 1, 5, 1, 1, 1], "k": 3}, note="equal maxima entering and leaving"),
        Case("edge-all-equal", {"nums": [-3] * 7, "k": 3}),
        Case("edge-negatives", {"nums": [-TOP, -1, -TOP, -5, -TOP], "k": 2}),
    ]
    for k in range(8):
        n = int(rng.integers(1, 50))
        hi = 3 if k < 4 else TOP  # few distinct values: many ties
        out.append(Case(f"random-{k + 1}", {"nums": _ints(rng.integers(-hi, hi + 1, size=n)),
                                             "k": int(rng.integers(1, n + 1))}))
    for k, n in enumerate((5_000, 10_000, 20_000, 40_000)):
        out.append(Case(f"large-{k + 1}", {"nums": _ints(rng.integers(-TOP, TOP + 1, size=n)), "k": n // 2},
                        size=n, note=f"{n} numbers, k = {n // 2}"))
    return out
