"""Cases for median-of-two-sorted-arrays: the examples, one array empty, one element each, all of
one array below the other, duplicates across the arrays, negatives, odd and even totals, random
lists, and a complexity series of huge lazy sorted sequences (up to 10^9 elements each) on which
only a logarithmic search can finish."""

import numpy as np

from mianjing.problems.case import Case


def _sorted(rng: np.random.Generator, n: int, lo: int = -10**6, hi: int = 10**6) -> list[int]:
    return sorted(int(v) for v in rng.integers(lo, hi + 1, size=n))


def _lazy(rng: np.random.Generator, n: int) -> dict:
    return {"lazy": {"n": n, "base": int(rng.integers(-10**9, 10**9)), "step": int(rng.integers(1, 6)),
                     "seed": int(rng.integers(0, 2**31))}}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums1": [2, 9], "nums2": [4]}, hidden=False),
        Case("example-2", {"nums1": [1, 3], "nums2": [6, 8]}, hidden=False),
        Case("edge-first-empty", {"nums1": [], "nums2": [5]}),
        Case("edge-second-empty", {"nums1": [-3, -1, 4, 10], "nums2": []}),
        Case("edge-one-each", {"nums1": [7], "nums2": [3]}),
        Case("edge-disjoint", {"nums1": [1, 2, 3], "nums2": [10, 11, 12, 13]}, note="all of one array below the other"),
        Case("edge-duplicates", {"nums1": [2, 2, 2], "nums2": [2, 2]}),
        Case("edge-negative-even", {"nums1": [-5, -3], "nums2": [-2, 0]}, note="median -2.5"),
        Case("edge-interleaved", {"nums1": [1, 4, 7, 10], "nums2": [2, 3, 8, 9, 11]}),
    ]
    for k in range(10):
        m, n = int(rng.integers(0, 40)), int(rng.integers(0, 40))
        if m + n == 0:
            n = 1
        out.append(Case(f"random-{k + 1}", {"nums1": _sorted(rng, m), "nums2": _sorted(rng, n)}))
    for k, n in enumerate((10**3, 10**5, 10**7, 10**9)):
        m = int(rng.integers(n // 3, n))
        out.append(Case(f"large-{k + 1}", {"nums1": _lazy(rng, m), "nums2": _lazy(rng, n)}, size=m + n,
                        note=f"two lazy sorted sequences of {m} and {n} elements"))
    return out
