"""Cases for partition-equal-subset-sum: the examples, one and two numbers, an odd total, a total
whose half is one of the numbers, greedy traps, reuse traps (a sum reachable only by using a number
twice), the largest inputs, and random arrays with and without a split."""

import numpy as np

from mianjing.problems.case import Case


def _splittable(rng: np.random.Generator, n: int, hi: int) -> list[int]:
    """n numbers with a guaranteed split: a random half and a second half with the same sum."""
    while True:
        left = [int(v) for v in rng.integers(1, hi + 1, size=n // 2)]
        target = sum(left)
        right = [int(v) for v in rng.integers(1, hi + 1, size=n - n // 2 - 1)]
        last = target - sum(right)
        if 1 <= last <= hi:
            nums = left + right + [last]
            rng.shuffle(nums)
            return nums


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [2, 4, 9, 3]}, hidden=False),
        Case("example-2", {"nums": [2, 4, 5, 6]}, hidden=False),
        Case("edge-single", {"nums": [2]}),
        Case("edge-two-equal", {"nums": [7, 7]}),
        Case("edge-odd-total", {"nums": [1, 2, 4]}, note="total 7: half would be 3.5"),
        Case("edge-odd-total-reachable-floor", {"nums": [2, 3, 4]}, note="total 9: a subset sums to 4 = 9 // 2, yet no split"),
        Case("edge-greedy-trap", {"nums": [10, 7, 5, 4, 3, 3]}, note="10 + 3 + 3 = 16 = 7 + 5 + 4; largest-first takes 10 + 5"),
        Case("edge-small-numbers", {"nums": [3, 3, 2, 2, 2]}, note="3 + 3 = 6 = 2 + 2 + 2"),
        Case("edge-reuse-trap", {"nums": [1, 5, 8]}, note="half is 7: 1 + 1 + 5 would need 1 twice"),
        Case("edge-reuse-trap-2", {"nums": [2, 2, 8]}, note="half is 6: 2 + 2 + 2 would reuse a 2"),
        Case("edge-exponential", {"nums": [1] * 39 + [101]}, note="40 numbers, no split: every subset would be tried"),
        Case("edge-largest", {"nums": [100] * 200}),
    ]
    for k in range(8):
        n = int(rng.integers(2, 30))
        nums = _splittable(rng, n, 100) if k % 2 == 0 else [int(v) for v in rng.integers(1, 101, size=n)]
        out.append(Case(f"random-{k + 1}", {"nums": nums}))
    out.append(Case("random-large-yes", {"nums": _splittable(rng, 200, 100)}, note="200 numbers with a split"))
    evens = [2 * int(v) for v in rng.integers(1, 51, size=198)]
    out.append(Case("random-large-two-odd", {"nums": evens + [1, 1]}, note="200 numbers, only two of them odd"))
    out.append(Case("random-large-odd", {"nums": [2 * int(v) for v in rng.integers(1, 51, size=199)] + [3]},
                    note="200 numbers, odd total"))
    return out
