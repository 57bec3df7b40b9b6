"""Cases for kth-largest-element-in-an-array: the examples, k = 1 and k = n, duplicates around the
answer, negatives, all equal, random arrays, and a complexity series of sorted arrays with k about
n / 2 (sorted input is the worst case of a first-element pivot; k ~ n/2 that of removing maxima)."""

import numpy as np

from mianjing.problems.case import Case

LIMIT = 10**4


def _ints(a) -> list[int]:
    return [int(v) for v in a]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [7, 4, 9, 1, 6], "k": 2}, hidden=False),
        Case("example-2", {"nums": [5, 8, 5, 2, 8, 3, 7], "k": 3}, hidden=False),
        Case("edge-single", {"nums": [-7], "k": 1}),
        Case("edge-k-one", {"nums": [2, 9, 4, 9], "k": 1}),
        Case("edge-k-n", {"nums": [5, -1, 3, 8], "k": 4}, note="k = n: the minimum"),
        Case("edge-duplicates", {"nums": [3, 3, 2], "k": 2}, note="equal values count separately"),
        Case("edge-all-equal", {"nums": [4] * 8, "k": 5}),
        Case("edge-negatives", {"nums": [-5, -1, -9, -3], "k": 3}),
    ]
    for k in range(8):
        n = int(rng.integers(1, 50))
        out.append(Case(f"random-{k + 1}", {"nums": _ints(rng.integers(-20, 21, size=n)), "k": int(rng.integers(1, n + 1))}))
    for k, n in enumerate((5_000, 10_000, 20_000, 40_000)):
        nums = _ints(np.sort(rng.integers(-LIMIT, LIMIT + 1, size=n)))  # ascending
        out.append(Case(f"large-{k + 1}", {"nums": nums, "k": n // 2}, size=n, note=f"{n} sorted numbers, k = n/2"))
    return out
