"""Cases for combination-sum: the examples, no combination, the target itself a candidate, one
candidate that divides the target or not, unsorted candidates where a small one comes last, the
largest target with many combinations, and random instances within LeetCode's limits (fewer than
150 combinations).

The combinations may come in any order and the numbers inside one in any order, so `check`
validates each (candidates only, summing to the target), rejects a combination returned twice (as
a multiset), and compares the count with the reference's."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.enumeration import check_enumeration, int_list
from mianjing.problems.case import Case


def _count(candidates: list[int], target: int) -> int:
    """The number of combinations (multisets) summing to target: coin-change counting."""
    ways = [1] + [0] * target
    for c in candidates:
        for t in range(c, target + 1):
            ways[t] += ways[t - c]
    return ways[target]


def _instance(rng: np.random.Generator, max_len: int) -> dict:
    while True:  # LeetCode promises fewer than 150 combinations
        k = int(rng.integers(1, max_len + 1))
        candidates = [int(v) for v in rng.choice(np.arange(2, 41), size=k, replace=False)]
        target = int(rng.integers(1, 41))
        if _count(candidates, target) < 150:
            return {"candidates": candidates, "target": target}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"candidates": [3, 5, 4], "target": 11}, hidden=False),
        Case("example-2", {"candidates": [6, 4], "target": 5}, hidden=False),
        Case("example-3", {"candidates": [7, 2, 13], "target": 14}, hidden=False),
        Case("edge-target-below-all", {"candidates": [5, 9], "target": 3}),
        Case("edge-target-is-candidate", {"candidates": [8, 3, 11], "target": 11}, note="[11] alone, and 8 + 3"),
        Case("edge-one-divides", {"candidates": [9], "target": 27}),
        Case("edge-one-no-divide", {"candidates": [4], "target": 10}),
        Case("edge-small-last", {"candidates": [12, 9, 7, 2], "target": 16}, note="the smallest candidate comes last"),
        Case("edge-many", {"candidates": [5, 3, 2, 7, 4, 6], "target": 25}, note="127 combinations"),
        Case("edge-max-target", {"candidates": [2, 3, 5], "target": 40}),
    ]
    for k in range(6):
        out.append(Case(f"random-{k + 1}", _instance(rng, 8)))
    for k in range(3):
        out.append(Case(f"random-long-{k + 1}", _instance(rng, 30), note="up to 30 candidates"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    candidates, target = case.inputs["candidates"], case.inputs["target"]
    allowed = set(candidates)

    def invalid(item):
        if not int_list(item):
            return ("every combination must be a list of ints",) * 2
        if not set(item) <= allowed:
            return "a returned list uses numbers that are not candidates", f"{item} uses numbers that are not candidates"
        if sum(item) != target:
            return "a returned combination does not sum to the target", f"{item} sums to {sum(item)}, not {target}"
        return None

    return check_enumeration(got.get("out"), len(expected["out"]), hidden=case.hidden, container="lists",
                             noun="combination", plural="combinations", invalid=invalid,
                             key=lambda item: tuple(sorted(item)), shown=lambda item: f"the combination {sorted(item)}",
                             twice_note=" (perhaps in another order)")
