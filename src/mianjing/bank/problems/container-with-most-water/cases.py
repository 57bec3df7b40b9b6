"""Cases for container-with-most-water: the examples, two lines, zeros, equal heights, increasing
and decreasing heights, a tall pair hidden in the middle, random heights, and a complexity series
on which only the O(n) two-pointer scan stays within the time limit."""

import numpy as np

from mianjing.problems.case import Case

TOP = 10**4


def _ints(a) -> list[int]:
    return [int(v) for v in a]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"height": [3, 9, 2, 4, 8, 1, 5]}, hidden=False),
        Case("example-2", {"height": [1, 1]}, hidden=False),
        Case("example-3", {"height": [2, 6, 1, 6, 2]}, hidden=False),
        Case("edge-two-lines", {"height": [3, 9]}),
        Case("edge-zeros", {"height": [0, 0, 0]}),
        Case("edge-one-zero", {"height": [0, 5]}),
        Case("edge-all-equal", {"height": [6] * 12}),
        Case("edge-increasing", {"height": list(range(1, 30))}),
        Case("edge-decreasing", {"height": list(range(30, 0, -1))}),
        Case("edge-tall-middle", {"height": [1, 2, 100, 1, 1, 100, 2, 1]}, note="the best pair is inside"),
        Case("edge-max-heights", {"height": [TOP, 1, 1, TOP]}),
    ]
    for k in range(8):
        n = int(rng.integers(2, 50))
        hi = 10 if k < 4 else TOP
        out.append(Case(f"random-{k + 1}", {"height": _ints(rng.integers(0, hi + 1, size=n))}))
    for k, n in enumerate((3_125, 6_250, 12_500, 25_000)):
        out.append(Case(f"large-{k + 1}", {"height": _ints(rng.integers(0, TOP + 1, size=n))}, size=n,
                        note=f"{n} lines"))
    return out
