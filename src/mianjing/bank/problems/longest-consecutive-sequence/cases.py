"""Cases for longest-consecutive-sequence: the examples, empty and single arrays, duplicates inside
runs, negatives across zero, values at +-1e9, two runs of equal length, random arrays, and a
complexity series with one long shuffled run (walking from every value of it is quadratic)."""

import numpy as np

from mianjing.problems.case import Case

LIMIT = 10**9


def _shuffled(rng: np.random.Generator, values: list[int]) -> list[int]:
    return [values[i] for i in rng.permutation(len(values))]


def _with_run(rng: np.random.Generator, n: int) -> list[int]:
    """n values: a shuffled run of n // 2 consecutive integers, the rest scattered at random."""
    start = int(rng.integers(-LIMIT, LIMIT - n))
    run = list(range(start, start + n // 2))
    other = [int(v) for v in rng.integers(-LIMIT, LIMIT + 1, size=n - len(run))]
    return _shuffled(rng, run + other)


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [10, 5, 12, 3, 11, 4, 50, 13]}, hidden=False),
        Case("example-2", {"nums": [9, -1, 8, 0, 7, 1, 1, 6, 10]}, hidden=False),
        Case("example-3", {"nums": [2, 2, 3]}, hidden=False),
        Case("edge-empty", {"nums": []}),
        Case("edge-single", {"nums": [-7]}),
        Case("edge-all-equal", {"nums": [5, 5, 5, 5]}),
        Case("edge-duplicates-in-run", {"nums": [3, 1, 2, 2, 2, 4, 3, 1]}, note="a run of 4 with repeated values"),
        Case("edge-across-zero", {"nums": [-2, 1, -1, 0, 2, 10]}),
        Case("edge-extremes", {"nums": [LIMIT, -LIMIT, LIMIT - 1, -LIMIT + 1, 0]}, note="values at +-1e9"),
        Case("edge-two-equal-runs", {"nums": [10, 11, 12, 1, 2, 3]}),
        Case("edge-no-neighbours", {"nums": [10, 20, 30, 40]}),
    ]
    for k in range(6):
        n = int(rng.integers(1, 60))
        hi = 30 if k < 3 else 1000  # a narrow range: long runs and duplicates
        out.append(Case(f"random-{k + 1}", {"nums": [int(v) for v in rng.integers(-hi, hi + 1, size=n)]}))
    out.append(Case("random-wide", {"nums": _with_run(rng, 2000)}))
    for k, n in enumerate((3_125, 6_250, 12_500, 25_000)):
        out.append(Case(f"large-{k + 1}", {"nums": _with_run(rng, n)}, size=n,
                        note=f"{n} numbers, half of them one shuffled consecutive run"))
    return out
