"""Cases for maximum-product-subarray: the examples, single values (negative too), zeros that split
the array, an odd number of negatives, two negatives that make the best product, random arrays, and
a complexity series. Values stay small and zeros frequent, so every product stays within 32-bit
range as the statement promises."""

import numpy as np

from mianjing.problems.case import Case


def _array(rng: np.random.Generator, n: int, zero_gap: int = 12) -> list[int]:
    """Values in -3..3 with a zero at least every `zero_gap` positions: bounded products."""
    nums = [int(v) for v in rng.choice([-3, -2, -1, 1, 2, 3, -1, 1], size=n)]
    for i in range(int(rng.integers(0, zero_gap)), n, zero_gap):
        nums[i] = 0
    return nums


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [3, 5, -1, 2]}, hidden=False),
        Case("example-2", {"nums": [-3, 0, -4]}, hidden=False),
        Case("edge-single-negative", {"nums": [-3]}),
        Case("edge-single-zero", {"nums": [0]}),
        Case("edge-two-negatives", {"nums": [-2, 3, -4]}, note="the whole array: two negatives make 24"),
        Case("edge-odd-negatives", {"nums": [-1, -2, -3]}, note="drop one end to keep an even count"),
        Case("edge-zero-split", {"nums": [2, -5, -2, -4, 3]}),
        Case("edge-negative-then-zero", {"nums": [-2, 0]}),
        Case("edge-all-ones", {"nums": [1] * 10}),
        Case("edge-ten", {"nums": [-10, 10, -10, 0, 9]}, note="values at the ends of -10..10"),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", {"nums": _array(rng, int(rng.integers(1, 40)), int(rng.integers(3, 13)))}))
    for k, n in enumerate((2_500, 5_000, 10_000, 20_000)):
        out.append(Case(f"large-{k + 1}", {"nums": _array(rng, n)}, size=n, note=f"{n} numbers"))
    return out
