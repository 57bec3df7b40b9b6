"""Cases for maximum-subarray: the examples, a single negative, all negative, all positive, zeros,
a best run in the middle between large negatives, extremes, random arrays, and a complexity series
on which only an O(n) solution stays within the time limit."""

import numpy as np

from mianjing.problems.case import Case

TOP = 10**4


def _ints(a) -> list[int]:
    return [int(v) for v in a]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [3, -4, 5, -1, 2, -6, 4]}, hidden=False),
        Case("example-2", {"nums": [-3]}, hidden=False),
        Case("example-3", {"nums": [2, 3, -1, 4]}, hidden=False),
        Case("edge-single-negative", {"nums": [-7]}),
        Case("edge-all-negative", {"nums": [-5, -2, -8, -3]}, note="the answer is the largest element"),
        Case("edge-all-positive", {"nums": [2, 3, 1, 4]}),
        Case("edge-zeros", {"nums": [0, 0, 0]}),
        Case("edge-negatives-and-zero", {"nums": [-3, 0, -1]}),
        Case("edge-middle-run", {"nums": [-TOP, 3, -1, 4, -TOP, 2, 2]}, note="the best run is between two -10000s"),
        Case("edge-dip-worth-crossing", {"nums": [6, -5, 6]}, note="crossing the dip pays: 7"),
        Case("edge-extremes", {"nums": [TOP] * 5 + [-TOP] * 5}),
    ]
    for k in range(8):
        n = int(rng.integers(1, 50))
        out.append(Case(f"random-{k + 1}", {"nums": _ints(rng.integers(-10, 11, size=n))}))
    out.append(Case("random-mostly-negative", {"nums": _ints(rng.integers(-TOP, TOP // 10, size=2000))}))
    for k, n in enumerate((3_125, 6_250, 12_500, 25_000)):
        out.append(Case(f"large-{k + 1}", {"nums": _ints(rng.integers(-TOP, TOP + 1, size=n))}, size=n,
                        note=f"{n} numbers"))
    return out
