"""Cases for top-k-frequent-elements: the examples, one value, k = number of distinct values,
negatives, counts where the largest values are rare, random arrays with a unique top k, and a
complexity series with many distinct values. The answer may come in any order."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case


def _unique_top(rng: np.random.Generator, n: int, distinct: int, k: int, lo: int = -10**4) -> dict:
    """n values from `distinct` different ones whose k highest counts are strictly separated from
    the rest, so the answer is unique."""
    values = [int(v) for v in rng.choice(np.arange(lo, lo + 2 * distinct + 10), size=distinct, replace=False)]
    counts = [1] * distinct
    rest = n - distinct
    heavy = sorted(range(distinct), key=lambda _: rng.random())[:k]
    for i in heavy:  # the top k get strictly more than anyone else
        counts[i] += rest // k
    counts[heavy[0]] += rest - (rest // k) * k
    nums = [v for v, c in zip(values, counts) for _ in range(c)]
    rng.shuffle(nums)
    return {"nums": nums, "k": k}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [7, 5, 7, 9, 5, 7], "k": 2}, hidden=False),
        Case("example-2", {"nums": [4], "k": 1}, hidden=False),
        Case("edge-all-distinct-k", {"nums": [4, 4, 5, 6, 6, 6], "k": 3}, note="k = number of distinct values"),
        Case("edge-negatives", {"nums": [-1, -1, -2, -2, -2, 7], "k": 1}),
        Case("edge-large-values-rare", {"nums": [1, 1, 1, 2, 2, 100, 99], "k": 2}, note="the largest values occur once"),
        Case("edge-counts-look-like-values", {"nums": [3, 3, 3, 1, 1, 9], "k": 1}),
    ]
    for k in range(8):
        distinct = int(rng.integers(1, 15))
        kk = int(rng.integers(1, distinct + 1))
        out.append(Case(f"random-{k + 1}", _unique_top(rng, distinct + int(rng.integers(kk, 40)), distinct, kk)))
    for k, n in enumerate((5_000, 10_000, 20_000, 40_000)):
        out.append(Case(f"large-{k + 1}", _unique_top(rng, n, n // 2, 10), size=n, note=f"{n} numbers, {n // 2} distinct, k = 10"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    answer = got.get("out")
    want = sorted(expected["out"])
    if not (isinstance(answer, list) and all(type(v) is int for v in answer)):
        return CheckResult.failed(f"expected a list of ints, got {str(answer)[:80]}")
    if len(answer) != len(want):
        return CheckResult.failed(f"expected {len(want)} values, got {len(answer)}")
    if len(set(answer)) != len(answer):
        return CheckResult.failed("the answer repeats a value")
    if sorted(answer) != want:
        if case.hidden:
            return CheckResult.failed("not the k most frequent values")
        return CheckResult.failed(f"got {sorted(answer)}, expected {want} (any order)")
    return CheckResult.passed()
