"""Cases for first-missing-positive: the examples, a single element, duplicates, 1..n all present
(answer n + 1), values out of range, zeros and negatives, 32-bit extremes, random arrays, and a
complexity series of shuffled 1..n with a hole near the top, on which searching the list for
1, 2, 3, ... in turn is quadratic."""

import numpy as np

from mianjing.problems.case import Case

BIG = 2**31 - 1


def _ints(a) -> list[int]:
    return [int(v) for v in a]


def _hole_near_top(rng: np.random.Generator, n: int) -> list[int]:
    """A shuffle of 1..n where one value near n is replaced by a duplicate and two by junk."""
    nums = rng.permutation(np.arange(1, n + 1))
    top = np.flatnonzero(nums >= n - n // 10)  # positions of the largest tenth of the values
    a, b, c = rng.choice(top, size=3, replace=False)
    nums[a] = nums[b]  # the value at a goes missing, the one at b is there twice
    nums[c] = -int(rng.integers(0, BIG))  # junk that must be ignored
    return _ints(nums)


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [2, 1, -4]}, hidden=False),
        Case("example-2", {"nums": [5, 3, -2, 1]}, hidden=False),
        Case("example-3", {"nums": [6, 10, 100]}, hidden=False),
        Case("edge-swap-chain", {"nums": [3, 4, -1, 1]}, note="a value swapped in must itself be moved on"),
        Case("edge-one", {"nums": [1]}),
        Case("edge-two", {"nums": [2]}),
        Case("edge-negative", {"nums": [-5]}),
        Case("edge-all-present", {"nums": [4, 3, 1, 2]}, note="1..n all present: the answer is n + 1"),
        Case("edge-duplicates", {"nums": [1, 1]}),
        Case("edge-duplicates-no-one", {"nums": [2, 2, 2, 2]}),
        Case("edge-zeros", {"nums": [0, 0, 1, 0]}),
        Case("edge-too-large", {"nums": [5, 6, 7, 1]}, note="values above n are junk"),
        Case("edge-extremes", {"nums": [BIG, -BIG - 1, 2, 1]}),
        Case("edge-reversed", {"nums": list(range(30, 0, -1))}),
    ]
    for k in range(10):
        n = int(rng.integers(1, 30))
        out.append(Case(f"random-{k + 1}", {"nums": _ints(rng.integers(-3, n + 3, size=n))}))
    for k, n in enumerate((3_125, 6_250, 12_500, 25_000)):
        out.append(Case(f"large-{k + 1}", {"nums": _hole_near_top(rng, n)}, size=n,
                        note=f"a shuffle of 1..{n} with a hole near the top"))
    return out
