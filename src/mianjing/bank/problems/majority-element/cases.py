"""Cases for majority-element: the examples, a one-element array, the majority at its smallest
possible share, negatives, the majority first or last, random arrays, and a complexity series where
the other values come first, so trying candidates one by one is quadratic."""

import numpy as np

from mianjing.problems.case import Case

LIMIT = 10**9


def _instance(rng: np.random.Generator, n: int, lo: int, hi: int, others_first: bool = False) -> dict:
    """n values of which exactly n // 2 + 1 equal one majority value."""
    major = int(rng.integers(lo, hi + 1))
    k = n // 2 + 1
    others = [int(v) for v in rng.integers(lo, hi + 1, size=n - k)]
    others = [v if v != major else v + 1 for v in others]  # keep the majority share exact
    if others_first:
        return {"nums": others + [major] * k}
    nums = others + [major] * k
    rng.shuffle(nums)
    return {"nums": nums}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [6, 4, 6]}, hidden=False),
        Case("example-2", {"nums": [8, 1, 8, 1, 1, 8, 8]}, hidden=False),
        Case("edge-single", {"nums": [-4]}),
        Case("edge-all-equal", {"nums": [9] * 6}),
        Case("edge-bare-majority", {"nums": [1, 2, 1, 3, 1, 4, 1]}, note="4 of 7: the smallest majority"),
        Case("edge-even-length", {"nums": [5, 6, 6, 5, 6, 6]}, note="4 of 6"),
        Case("edge-majority-last", {"nums": [1, 2, 3, 7, 7, 7, 7]}, note="the others first, the majority at the end"),
        Case("edge-middle-other", {"nums": [4, 4, 1, 4]}, note="the middle element (index 2) is not the majority"),
        Case("edge-extremes", {"nums": [-LIMIT, LIMIT, -LIMIT]}),
        Case("edge-minority-run-first", {"nums": [3, 3, 8, 8, 8]},
             note="a run of the minority first: a vote that counts its own candidate twice keeps 3"),
    ]
    for k in range(6):
        n = int(rng.integers(1, 40))
        out.append(Case(f"random-{k + 1}", _instance(rng, n, -5 if k < 3 else -100, 5 if k < 3 else 100)))
    out.append(Case("random-wide", _instance(rng, 999, -LIMIT, LIMIT)))
    for k, n in enumerate((6_000, 12_000, 24_000, 48_000)):
        out.append(Case(f"large-{k + 1}", _instance(rng, n, -LIMIT, LIMIT, others_first=True), size=n,
                        note=f"{n} numbers, the others before the majority"))
    return out
