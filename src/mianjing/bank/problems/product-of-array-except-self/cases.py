"""Cases for product-of-array-except-self: the examples, two elements, one zero, two zeros, negatives,
all ones, extremes of the value range, random arrays, and a complexity series on which only an O(n)
solution stays within the time limit. Products of any prefix or suffix fit in 32 bits, as the
statement promises: long arrays are mostly 1 and -1 with a few larger factors."""

import numpy as np

from mianjing.problems.case import Case


def _bounded(rng: np.random.Generator, n: int, factors: int, zeros: int) -> list[int]:
    """n values: +-1 everywhere except `factors` values in 2..30 (their product stays below 2**31)
    and `zeros` zeros, at random places."""
    nums = rng.choice([-1, 1], size=n)
    places = rng.permutation(n)
    nums[places[:factors]] = rng.integers(2, 31, size=factors) * rng.choice([-1, 1], size=factors)
    nums[places[factors:factors + zeros]] = 0
    return [int(v) for v in nums]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [2, 3, 4, 5]}, hidden=False),
        Case("example-2", {"nums": [3, 0, -2, 4]}, hidden=False),
        Case("example-3", {"nums": [2, 5]}, hidden=False),
        Case("edge-one-zero", {"nums": [4, 0, 5, 2]}, note="only the zero's own answer is non-zero"),
        Case("edge-two-zeros", {"nums": [0, 3, 0, 2]}, note="every answer is 0"),
        Case("edge-zero-first", {"nums": [0, 7]}),
        Case("edge-negatives", {"nums": [-2, -3, -4]}),
        Case("edge-all-ones", {"nums": [1] * 9}),
        Case("edge-extremes", {"nums": [30, -30, 30, -30, 30, 1]}, note="values at +-30"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 12))
        out.append(Case(f"random-{k + 1}", {"nums": [int(v) for v in rng.integers(-6, 7, size=n)]}))
    out.append(Case("random-long", {"nums": _bounded(rng, 3000, 6, int(rng.integers(0, 2)))}))
    for k, n in enumerate((3_125, 6_250, 12_500, 25_000)):
        out.append(Case(f"large-{k + 1}", {"nums": _bounded(rng, n, 6, 0)}, size=n, note=f"{n} numbers"))
    return out
