"""Cases for subsets: the examples, one number, negatives and zero, the maximum length (1024
subsets), and random arrays of distinct values in [-10, 10].

The subsets may come in any order and the numbers inside a subset in any order, so `check`
validates each returned list (distinct numbers taken from nums), rejects a subset returned twice
(in any order), and compares the count with the reference's 2^n."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.enumeration import check_enumeration, int_list
from mianjing.problems.case import Case


def _distinct(rng: np.random.Generator, n: int) -> list[int]:
    return [int(v) for v in rng.choice(np.arange(-10, 11), size=n, replace=False)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [2, 6, 5]}, hidden=False),
        Case("example-2", {"nums": [-4]}, hidden=False),
        Case("edge-two", {"nums": [10, -10]}),
        Case("edge-zero-negatives", {"nums": [0, -1, -2, 3]}),
        Case("edge-max-length", {"nums": [9, -3, 0, 4, -8, 1, 7, -5, 2, 6]}, note="10 numbers: 1024 subsets"),
    ]
    for k in range(6):
        out.append(Case(f"random-{k + 1}", {"nums": _distinct(rng, int(rng.integers(1, 11)))}))
    out.append(Case("large-random", {"nums": _distinct(rng, 10)}, note="10 numbers"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    nums = case.inputs["nums"]
    allowed = set(nums)

    def invalid(item):
        if not int_list(item):
            return ("every subset must be a list of ints",) * 2
        if len(set(item)) != len(item) or not set(item) <= allowed:
            return "a returned list is not a subset of nums", f"{item} is not a subset of {nums}"
        return None

    return check_enumeration(got.get("out"), len(expected["out"]), hidden=case.hidden, container="lists",
                             noun="subset", plural="subsets", invalid=invalid, key=lambda item: tuple(sorted(item)),
                             shown=lambda item: f"the subset {sorted(item)}")
