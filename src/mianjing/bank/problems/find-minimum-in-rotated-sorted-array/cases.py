"""Cases for find-minimum-in-rotated-sorted-array: the examples, one and two elements, no rotation,
rotation by one and by n - 1, negatives, random rotations, and a complexity series of huge lazy
rotated sequences."""

import numpy as np

from mianjing.problems.case import Case


def _rotated(rng: np.random.Generator, n: int, k: int | None = None) -> list[int]:
    values = sorted(int(v) for v in rng.choice(np.arange(-5000, 5001), size=n, replace=False))
    k = int(rng.integers(0, n)) if k is None else k
    return values[k:] + values[:k]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [6, 8, 9, 1, 3]}, hidden=False),
        Case("example-2", {"nums": [14, 20, 23, 2, 5, 7, 11]}, hidden=False),
        Case("example-3", {"nums": [3, 5, 8, 10]}, hidden=False),
        Case("edge-single", {"nums": [42]}),
        Case("edge-two-rotated", {"nums": [2, 1]}),
        Case("edge-two-sorted", {"nums": [1, 2]}),
        Case("edge-not-rotated", {"nums": [-3, 0, 4, 9, 12]}),
        Case("edge-rotated-by-one", {"nums": [12, -3, 0, 4, 9]}),
        Case("edge-rotated-by-n-minus-one", {"nums": [0, 4, 9, 12, -3]}),
    ]
    for k in range(10):
        out.append(Case(f"random-{k + 1}", {"nums": _rotated(rng, int(rng.integers(1, 60)))}))
    for k, n in enumerate((10**3, 10**5, 10**7, 10**9)):
        spec = {"lazy": {"n": n, "base": int(rng.integers(-10**9, 0)), "step": int(rng.integers(1, 5)),
                         "rotate": int(rng.integers(n // 2, n)), "seed": int(rng.integers(0, 2**31))}}
        out.append(Case(f"large-{k + 1}", {"nums": spec}, size=n, note=f"a lazy rotated sorted sequence of {n} integers"))
    return out
