"""Cases for single-number: the examples, a single element alone, negatives and zero, the single
value at either end of the sorted order, extremes of the value range, random arrays, and a
complexity series on which only a linear solution stays within the time limit."""

import numpy as np

from mianjing.problems.case import Case

LIMIT = 3 * 10**4


def _instance(rng: np.random.Generator, pairs: int, lo: int = -LIMIT, hi: int = LIMIT, last: bool = False) -> dict:
    """`pairs` distinct values twice each plus one other value once, shuffled. With `last`, the
    single value is placed at the end, so scanning for it element by element does all the work."""
    pool = [int(v) for v in rng.choice(np.arange(lo, hi + 1), size=pairs + 1, replace=False)]
    one, nums = pool[-1], pool[:-1] * 2
    rng.shuffle(nums)
    if last:
        return {"nums": nums + [one]}
    nums.insert(int(rng.integers(0, len(nums) + 1)), one)
    return {"nums": nums}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [5, 8, 5]}, hidden=False),
        Case("example-2", {"nums": [7, 3, 9, 3, 7]}, hidden=False),
        Case("example-3", {"nums": [42]}, hidden=False),
        Case("edge-negative-single", {"nums": [-1, 5, 5]}, note="the single value is negative"),
        Case("edge-zero-single", {"nums": [7, 0, -7, 7, -7]}, note="the single value is 0"),
        Case("edge-single-sorts-last", {"nums": [1, 1, 2, 2, 9]}, note="the single value is the largest"),
        Case("edge-single-sorts-first", {"nums": [5, -9, 5, 3, 3]}, note="the single value is the smallest"),
        Case("edge-extremes", {"nums": [LIMIT, -LIMIT, -LIMIT, 0, 0]}, note="values at the ends of the range"),
        Case("edge-odd-single", {"nums": [2, 2, 3]}, note="an odd single value next to even pairs"),
    ]
    for k in range(6):
        out.append(Case(f"random-{k + 1}", _instance(rng, int(rng.integers(1, 30)), -50, 50)))
    out.append(Case("random-wide", _instance(rng, 500)))
    for k, pairs in enumerate((2_000, 4_000, 8_000, 16_000)):
        out.append(Case(f"large-{k + 1}", _instance(rng, pairs, last=True), size=2 * pairs + 1,
                        note=f"{2 * pairs + 1} numbers, the single one last"))
    return out
