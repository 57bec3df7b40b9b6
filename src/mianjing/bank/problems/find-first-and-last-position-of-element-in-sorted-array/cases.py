"""Cases for find-first-and-last-position: the examples, an empty array, a single element, target
absent below, above and between values, a run at either end, the whole array one value, random
arrays with many duplicates, and a complexity series of huge lazy sequences with very long runs."""

import numpy as np

from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [1, 3, 3, 3, 6, 8], "target": 3}, hidden=False),
        Case("example-2", {"nums": [1, 3, 3, 3, 6, 8], "target": 5}, hidden=False),
        Case("example-3", {"nums": [], "target": 0}, hidden=False),
        Case("edge-single-hit", {"nums": [4], "target": 4}),
        Case("edge-single-miss", {"nums": [4], "target": 2}),
        Case("edge-all-same", {"nums": [7] * 9, "target": 7}),
        Case("edge-run-at-start", {"nums": [2, 2, 2, 5, 9], "target": 2}),
        Case("edge-run-at-end", {"nums": [1, 4, 9, 9], "target": 9}),
        Case("edge-above-all", {"nums": [1, 4, 9, 9], "target": 10}),
        Case("edge-negatives", {"nums": [-8, -8, -3, 0], "target": -8}),
    ]
    for k in range(10):
        nums = sorted(int(v) for v in rng.integers(-6, 7, size=int(rng.integers(1, 50))))
        target = int(rng.integers(-7, 8))
        out.append(Case(f"random-{k + 1}", {"nums": nums, "target": target}))
    for k, n in enumerate((10**3, 10**5, 10**7, 10**9)):
        step, divide = 3, max(3, 3 * n // 20)  # about 20 distinct values: runs of about n/20 elements
        spec = {"lazy": {"n": n, "base": 0, "step": step, "divide": divide, "seed": int(rng.integers(0, 2**31))}}
        target = int(rng.integers(3, 17))  # a value in the middle, present with a long run
        out.append(Case(f"large-{k + 1}", {"nums": spec, "target": target}, size=n,
                        note=f"a lazy sorted sequence of {n} integers in long runs"))
    return out
