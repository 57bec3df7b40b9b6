"""Cases for two-sum: the examples, duplicates and pairs of equal values, negatives and zero, the
pair at either end, random arrays with exactly one valid pair, and a complexity series on which only
an O(n) (hash map) solution stays within the time limit.

Every case has exactly one pair of indices summing to target, so the answer is unique up to the
order of the two indices; `check` accepts either order and explains what is wrong otherwise."""

from collections import Counter

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case

LIMIT = 10**9


def _pair_count(nums: list[int], target: int) -> int:
    """How many index pairs i < j have nums[i] + nums[j] == target (counted by value, O(n))."""
    count = Counter(nums)
    total = 0
    for v, c in count.items():
        w = target - v
        if w == v:
            total += c * (c - 1)  # counted once here, halved below like the others
        elif w in count:
            total += c * count[w]
    return total // 2


def _unique_pair(rng: np.random.Generator, n: int, lo: int, hi: int, tail: bool = False) -> dict:
    """n distinct-ish random values with exactly one pair summing to target. With tail, the pair
    sits in the last tenth of the array, so trying all pairs from the front does ~n^2/2 steps."""
    while True:
        nums = [int(v) for v in rng.integers(lo, hi + 1, size=n)]
        if tail:
            i, j = (int(v) for v in rng.choice(np.arange(n - max(2, n // 10), n), size=2, replace=False))
        else:
            i, j = (int(v) for v in rng.choice(n, size=2, replace=False))
        target = nums[i] + nums[j]
        if abs(target) <= LIMIT and _pair_count(nums, target) == 1:
            return {"nums": nums, "target": target}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [4, 9, 2, 12], "target": 14}, hidden=False),
        Case("example-2", {"nums": [5, 3, 7], "target": 10}, hidden=False),
        Case("example-3", {"nums": [6, 6], "target": 12}, hidden=False),
        Case("edge-two-elements", {"nums": [-1, 1], "target": 0}),
        Case("edge-half-target-once", {"nums": [5, 1, 9, 4], "target": 10}, note="5 + 5 would fit, but there is only one 5"),
        Case("edge-zeros", {"nums": [0, 4, 3, 0], "target": 0}, note="the pair is the two zeros"),
        Case("edge-negatives", {"nums": [-3, -8, 10, -5, 2], "target": -13}),
        Case("edge-pair-at-ends", {"nums": [1, 20, 30, 40, 50, 9], "target": 10}, note="first and last element"),
        Case("edge-extremes", {"nums": [LIMIT, -LIMIT, 7, LIMIT - 1], "target": 2 * LIMIT - 1}, note="values at +-1e9"),
        Case("edge-duplicates-elsewhere", {"nums": [4, 4, 4, 1, 8, 2], "target": 3}, note="repeated values that are not the answer"),
    ]
    for k in range(6):
        n = int(rng.integers(2, 40))
        out.append(Case(f"random-{k + 1}", _unique_pair(rng, n, -50, 50)))
    out.append(Case("random-wide", _unique_pair(rng, 1000, -LIMIT // 2, LIMIT // 2)))
    for k, n in enumerate((6_250, 12_500, 25_000, 50_000)):
        out.append(Case(f"large-{k + 1}", _unique_pair(rng, n, -LIMIT // 2, LIMIT // 2, tail=True),
                        size=n, note=f"{n} numbers, the pair near the end"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    answer = got.get("out")
    nums, target = case.inputs["nums"], case.inputs["target"]
    if not (isinstance(answer, list) and len(answer) == 2 and all(type(v) is int for v in answer)):
        return CheckResult.failed(f"expected a list of two int indices, got {str(answer)[:80]}")
    i, j = answer
    if not (0 <= i < len(nums) and 0 <= j < len(nums)):
        return CheckResult.failed(f"index out of range: {answer} for an array of length {len(nums)}")
    if i == j:
        return CheckResult.failed(f"both indices are {i}: an element may not be used twice")
    if nums[i] + nums[j] != target:
        return CheckResult.failed(f"nums[{i}] + nums[{j}] = {nums[i] + nums[j]}, not the target {target}")
    return CheckResult.passed()  # exactly one pair exists, so this is it (in either order)
