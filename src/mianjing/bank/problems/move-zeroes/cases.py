"""Cases for move-zeroes: the examples, no zeros, all zeros, runs of zeros at the front, middle and
end, negatives, extremes, and random arrays up to the size limit. The harness returns the list as
it is after the call; `check` says when it was not changed at all (the rebinding mistake)."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.exact import check_exact
from mianjing.problems.case import Case

BIG = 2**31 - 1


def _sparse(rng: np.random.Generator, n: int, zero_share: float) -> list[int]:
    values = rng.integers(-BIG - 1, BIG + 1, size=n)
    values[rng.random(n) < zero_share] = 0
    return [int(v) for v in values]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [0, 5, 0, 0, 8, -2]}, hidden=False),
        Case("example-2", {"nums": [0]}, hidden=False),
        Case("example-3", {"nums": [4, 0, 0, 0, 5, 0]}, hidden=False),
        Case("edge-single-non-zero", {"nums": [7]}),
        Case("edge-no-zeros", {"nums": [3, -1, 2, 8]}),
        Case("edge-all-zeros", {"nums": [0, 0, 0, 0]}),
        Case("edge-zeros-first", {"nums": [0, 0, 0, 1, 2]}, note="a run of zeros at the front"),
        Case("edge-zeros-last", {"nums": [1, 2, 0, 0]}, note="already in place"),
        Case("edge-negatives", {"nums": [-1, 0, -2, 0, 0, -3]}),
        Case("edge-extremes", {"nums": [0, BIG, 0, -BIG - 1]}, note="32-bit extremes"),
        Case("edge-max-length", {"nums": _sparse(rng, 10_000, 0.5)}, note="10000 numbers, half zeros"),
    ]
    for k in range(8):
        n = int(rng.integers(1, 40))
        out.append(Case(f"random-{k + 1}", {"nums": [int(v) for v in rng.integers(-3, 4, size=n)]}))
    out.append(Case("random-long-runs", {"nums": _sparse(rng, 3000, 0.9)}, note="mostly zeros"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    res = check_exact("nums", expected["out"], got.get("out"), hidden=case.hidden)
    if not res.ok and got.get("out") == case.inputs["nums"]:
        return CheckResult.failed(
            "nums is unchanged after the call: rearrange the caller's list itself (nums[i] = ..., "
            "or nums[:] = ...); assigning a new list to the name nums does not change the caller's list"
        )
    return res
