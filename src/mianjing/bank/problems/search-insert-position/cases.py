"""Cases for search-insert-position: the examples, an empty array, the target before all, after
all, equal to the first or last value, negatives, random arrays with present and absent targets,
and a complexity series of huge lazy sorted sequences."""

import numpy as np

from mianjing.problems.case import Case


def _distinct(rng: np.random.Generator, n: int) -> list[int]:
    return sorted(int(v) for v in rng.choice(np.arange(-10**4, 10**4 + 1), size=n, replace=False))


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [2, 4, 7, 9], "target": 7}, hidden=False),
        Case("example-2", {"nums": [2, 4, 7, 9], "target": 5}, hidden=False),
        Case("example-3", {"nums": [2, 4, 7, 9], "target": 12}, hidden=False),
        Case("edge-empty", {"nums": [], "target": 3}),
        Case("edge-before-all", {"nums": [5, 6, 8], "target": -1}),
        Case("edge-first", {"nums": [5, 6, 8], "target": 5}),
        Case("edge-last", {"nums": [5, 6, 8], "target": 8}),
        Case("edge-single-above", {"nums": [3], "target": 4}),
        Case("edge-negatives", {"nums": [-9, -4, -1], "target": -5}),
    ]
    for k in range(10):
        nums = _distinct(rng, int(rng.integers(1, 60)))
        target = nums[int(rng.integers(0, len(nums)))] if k % 2 == 0 else int(rng.integers(-10**4 - 5, 10**4 + 6))
        out.append(Case(f"random-{k + 1}", {"nums": nums, "target": target}))
    for k, n in enumerate((10**3, 10**5, 10**7, 10**9)):
        step = int(rng.integers(2, 6))
        spec = {"lazy": {"n": n, "base": int(rng.integers(-10**6, 10**6)), "step": step, "seed": int(rng.integers(0, 2**31))}}
        # a target near the end and usually absent: a front-to-back scan reads almost everything
        target = spec["lazy"]["base"] + step * (n - int(rng.integers(1, 50))) + step // 2
        out.append(Case(f"large-{k + 1}", {"nums": spec, "target": target}, size=n, note=f"a lazy sorted sequence of {n} integers"))
    return out
