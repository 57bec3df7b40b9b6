"""Cases for subarray-sum-equals-k: the examples, a single element, k = 0 with zeros and with
cancelling values, negative k, subarrays starting at index 0, all-equal arrays, random arrays with
negatives, and a complexity series on which only the prefix-sum count stays within the time limit."""

import numpy as np

from mianjing.problems.case import Case


def _ints(a) -> list[int]:
    return [int(v) for v in a]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [2, 2, 2], "k": 4}, hidden=False),
        Case("example-2", {"nums": [3, 1, 2, -3, 3], "k": 3}, hidden=False),
        Case("example-3", {"nums": [2, -2, 0], "k": 0}, hidden=False),
        Case("edge-single-hit", {"nums": [5], "k": 5}),
        Case("edge-single-miss", {"nums": [5], "k": -5}),
        Case("edge-zeros-k0", {"nums": [0, 0, 0, 0], "k": 0}, note="every one of the 10 subarrays"),
        Case("edge-cancelling-k0", {"nums": [3, -3, 3, -3], "k": 0}),
        Case("edge-negative-k", {"nums": [-1, -2, 3, -4, 1], "k": -3}),
        Case("edge-from-start", {"nums": [2, 2, -1, 4], "k": 4}, note="a subarray starting at index 0"),
        Case("edge-all-equal", {"nums": [7] * 9, "k": 21}),
        Case("edge-extremes", {"nums": [1000, -1000, 1000, -1000, 1000], "k": 1000}),
    ]
    for k in range(8):
        n = int(rng.integers(1, 50))
        nums = _ints(rng.integers(-5, 6, size=n))
        target = int(rng.integers(-6, 7)) if k % 2 else 0  # k = 0 half of the time: the empty-subarray trap
        out.append(Case(f"random-{k + 1}", {"nums": nums, "k": target}))
    for k, n in enumerate((3_125, 6_250, 12_500, 25_000)):
        nums = _ints(rng.integers(-1000, 1001, size=n))
        out.append(Case(f"large-{k + 1}", {"nums": nums, "k": int(rng.integers(-50, 51))}, size=n, note=f"{n} numbers"))
    return out
