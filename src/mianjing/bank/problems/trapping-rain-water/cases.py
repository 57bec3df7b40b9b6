"""Cases for trapping-rain-water: the examples, one and two bars, flat ground, monotone slopes (no
water), a single valley, a deep well between tall walls, plateaus, random maps, and a complexity
series on which only an O(n) solution stays within the time limit."""

import numpy as np

from mianjing.problems.case import Case

TOP = 10**5


def _ints(a) -> list[int]:
    return [int(v) for v in a]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"height": [2, 0, 3, 1, 0, 4, 1, 2]}, hidden=False),
        Case("example-2", {"height": [5, 1, 2, 0, 4]}, hidden=False),
        Case("example-3", {"height": [3, 0, 3]}, hidden=False),
        Case("edge-single", {"height": [5]}),
        Case("edge-two", {"height": [5, 0]}),
        Case("edge-flat", {"height": [2, 2, 2, 2]}),
        Case("edge-zeros", {"height": [0, 0, 0]}),
        Case("edge-increasing", {"height": list(range(10))}, note="no water"),
        Case("edge-decreasing", {"height": list(range(10, 0, -1))}, note="no water"),
        Case("edge-peak-middle", {"height": [1, 2, 3, 9, 3, 2, 1]}, note="no water"),
        Case("edge-valley", {"height": [5, 4, 3, 1, 3, 4, 6]}),
        Case("edge-tall-walls", {"height": [TOP, 0, 0, 0, TOP]}, note="walls at the maximum height"),
        Case("edge-plateaus", {"height": [3, 3, 0, 0, 2, 2, 0, 4, 4]}),
    ]
    for k in range(8):
        n = int(rng.integers(1, 50))
        hi = 6 if k < 4 else 1000
        out.append(Case(f"random-{k + 1}", {"height": _ints(rng.integers(0, hi + 1, size=n))}))
    for k, n in enumerate((3_125, 6_250, 12_500, 25_000)):
        out.append(Case(f"large-{k + 1}", {"height": _ints(rng.integers(0, TOP + 1, size=n))}, size=n,
                        note=f"{n} bars"))
    return out
