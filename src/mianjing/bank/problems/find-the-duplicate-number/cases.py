"""Cases for find-the-duplicate-number: the examples, the smallest array, a value repeated many
times (where the sum formula breaks), the duplicate at either end of the range, random arrays, and
a complexity series on which only a linear solution stays within the time limit. The pairwise
brute force is made slow by putting the two copies far apart, near the end."""

import numpy as np

from mianjing.problems.case import Case


def _instance(rng: np.random.Generator, n: int, copies: int = 2, far: bool = False, dup: int | None = None) -> dict:
    """n + 1 values in 1..n with one value repeated `copies` times (the others distinct)."""
    dup = int(rng.integers(1, n + 1)) if dup is None else dup
    others = [v for v in rng.permutation(np.arange(1, n + 1)).tolist() if v != dup]
    others = others[: n + 1 - copies]
    if far:  # the copies at the end: a pair-by-pair scan from the front meets them last
        return {"nums": [int(v) for v in others] + [dup] * copies}
    nums = [int(v) for v in others] + [dup] * copies
    rng.shuffle(nums)
    return {"nums": nums}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [2, 4, 1, 3, 4]}, hidden=False),
        Case("example-2", {"nums": [5, 2, 5, 1, 3, 4]}, hidden=False),
        Case("example-3", {"nums": [4, 4, 4, 4, 4]}, hidden=False),
        Case("edge-smallest", {"nums": [1, 1]}),
        Case("edge-dup-is-n", {"nums": [4, 1, 4, 2, 3]}, note="the duplicate is the largest value"),
        Case("edge-dup-is-one", {"nums": [2, 1, 3, 1, 4]}, note="the duplicate is 1"),
        Case("edge-many-copies", {"nums": [2, 5, 2, 2, 1, 2]}, note="one value four times, some values missing"),
        Case("edge-self-loop", {"nums": [2, 2, 2]}, note="nums[2] == 2: a cycle of length one"),
    ]
    for k in range(6):
        n = int(rng.integers(1, 30))
        out.append(Case(f"random-{k + 1}", _instance(rng, n, copies=int(rng.integers(2, min(n, 4) + 2)) if n > 1 else 2)))
    out.append(Case("random-wide", _instance(rng, 2000, copies=7)))
    for k, n in enumerate((6_250, 12_500, 25_000, 50_000)):
        out.append(Case(f"large-{k + 1}", _instance(rng, n, far=True), size=n, note=f"{n + 1} numbers, the copies at the end"))
    return out
