"""Cases for permutations: the examples, one number, two numbers, negatives and zero, the maximum
length (720 orders), and random arrays of distinct values in [-10, 10].

The permutations may come in any order, so `check` validates each returned list (a rearrangement
of nums), rejects repeats, and compares the count with the reference's n!."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.enumeration import check_enumeration, int_list
from mianjing.problems.case import Case


def _distinct(rng: np.random.Generator, n: int) -> list[int]:
    return [int(v) for v in rng.choice(np.arange(-10, 11), size=n, replace=False)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [4, 7, 9]}, hidden=False),
        Case("example-2", {"nums": [-3, 5]}, hidden=False),
        Case("example-3", {"nums": [8]}, hidden=False),
        Case("edge-zero-negative", {"nums": [0, -1, 10, -10]}),
        Case("edge-descending", {"nums": [6, 5, 4, 3, 2]}),
        Case("edge-max-length", {"nums": [3, -7, 0, 10, -2, 1]}, note="6 numbers: 720 permutations"),
    ]
    for k in range(6):
        out.append(Case(f"random-{k + 1}", {"nums": _distinct(rng, int(rng.integers(1, 7)))}))
    out.append(Case("large-random", {"nums": _distinct(rng, 6)}, note="6 numbers"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    nums = case.inputs["nums"]
    target = sorted(nums)

    def invalid(item):
        if not int_list(item):
            return ("every permutation must be a list of ints",) * 2
        if sorted(item) != target:
            return "a returned list is not a rearrangement of nums", f"{item} is not a rearrangement of {nums}"
        return None

    return check_enumeration(got.get("out"), len(expected["out"]), hidden=case.hidden, container="lists",
                             noun="permutation", plural="permutations", invalid=invalid, key=tuple)
