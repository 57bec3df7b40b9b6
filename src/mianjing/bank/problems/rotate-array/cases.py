"""Cases for rotate-array: the examples, k = 0, k = n, k > n (several turns), a single element,
duplicates, extremes, random arrays and shifts, and a complexity series with k about n / 2 on which
rotating one step at a time is too slow. The harness returns the list as it is after the call;
`check` says when it was not changed at all (the rebinding mistake)."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.exact import check_exact
from mianjing.problems.case import Case

BIG = 2**31 - 1


def _ints(a) -> list[int]:
    return [int(v) for v in a]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [10, 20, 30, 40, 50], "k": 2}, hidden=False),
        Case("example-2", {"nums": [8, -3, 0, 6], "k": 3}, hidden=False),
        Case("example-3", {"nums": [1, 2, 3], "k": 4}, hidden=False),
        Case("edge-k-zero", {"nums": [4, 5, 6], "k": 0}),
        Case("edge-k-is-n", {"nums": [4, 5, 6], "k": 3}, note="a full turn: unchanged"),
        Case("edge-k-many-turns", {"nums": [1, 2, 3, 4, 5], "k": 100_000}, note="k much larger than n"),
        Case("edge-single", {"nums": [9], "k": 7}),
        Case("edge-two", {"nums": [1, 2], "k": 1}),
        Case("edge-duplicates", {"nums": [1, 1, 2, 2, 1], "k": 2}),
        Case("edge-extremes", {"nums": [BIG, -BIG - 1, 0, BIG], "k": 1}),
    ]
    for k in range(8):
        n = int(rng.integers(1, 40))
        out.append(Case(f"random-{k + 1}", {"nums": _ints(rng.integers(-50, 51, size=n)),
                                             "k": int(rng.integers(0, 3 * n + 1))}))
    for k, n in enumerate((3_125, 6_250, 12_500, 25_000)):
        shift = int(rng.integers(n // 4, 3 * n // 4))
        out.append(Case(f"large-{k + 1}", {"nums": _ints(rng.integers(-BIG - 1, BIG + 1, size=n)), "k": shift},
                        size=n, note=f"{n} numbers, k about n / 2"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    res = check_exact("nums", expected["out"], got.get("out"), hidden=case.hidden)
    if not res.ok and got.get("out") == case.inputs["nums"]:
        return CheckResult.failed(
            "nums is unchanged after the call: rotate the caller's list itself (nums[i] = ..., "
            "or nums[:] = ...); assigning a new list to the name nums does not change the caller's list"
        )
    return res
