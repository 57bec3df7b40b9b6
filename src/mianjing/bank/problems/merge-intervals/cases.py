"""Cases for merge-intervals: the examples, one interval, touching intervals, an interval inside
another, unsorted input, everything merging into one, points ([x, x]), duplicates, random sets, and
a complexity series of mostly disjoint intervals on which only the sort-and-sweep stays fast.

The merged intervals may be returned in any order; `check` compares them sorted."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case

TOP = 10**9


def _intervals(rng: np.random.Generator, n: int, span: int, max_len: int) -> list[list[int]]:
    starts = rng.integers(0, span + 1, size=n)
    lengths = rng.integers(0, max_len + 1, size=n)
    return [[int(s), int(min(s + d, TOP))] for s, d in zip(starts, lengths)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"intervals": [[2, 5], [4, 7], [10, 12], [20, 21]]}, hidden=False),
        Case("example-2", {"intervals": [[3, 6], [6, 9]]}, hidden=False),
        Case("example-3", {"intervals": [[4, 7], [1, 4]]}, hidden=False),
        Case("edge-single", {"intervals": [[5, 9]]}),
        Case("edge-inside", {"intervals": [[1, 10], [2, 3], [4, 5]]}, note="intervals inside another"),
        Case("edge-unsorted", {"intervals": [[8, 9], [1, 2], [5, 6], [2, 5]]}),
        Case("edge-all-merge", {"intervals": [[i, i + 2] for i in range(0, 20, 2)]}, note="a chain of touching intervals"),
        Case("edge-points", {"intervals": [[3, 3], [3, 3], [1, 1], [2, 4]]}, note="zero-length intervals"),
        Case("edge-duplicates", {"intervals": [[1, 5], [1, 5], [1, 5]]}),
        Case("edge-gap-of-one", {"intervals": [[1, 2], [3, 4]]}, note="[1, 2] and [3, 4] do not touch"),
        Case("edge-extremes", {"intervals": [[0, TOP], [0, 0], [TOP, TOP]]}),
    ]
    for k in range(8):
        n = int(rng.integers(1, 30))
        out.append(Case(f"random-{k + 1}", {"intervals": _intervals(rng, n, 40, 6)}))
    for k, n in enumerate((1_250, 2_500, 5_000, 10_000)):
        out.append(Case(f"large-{k + 1}", {"intervals": _intervals(rng, n, TOP - 1000, 1000)}, size=n,
                        note=f"{n} intervals, most of them disjoint"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    answer = got.get("out")
    if not isinstance(answer, list) or not all(
        isinstance(iv, list) and len(iv) == 2 and all(type(v) is int for v in iv) for iv in answer
    ):
        return CheckResult.failed("expected a list of intervals, each a list [start, end] of two ints")
    want = expected["out"]
    if sorted(answer) == want:
        return CheckResult.passed()
    ordered = sorted(answer)
    for a, b in zip(ordered, ordered[1:]):
        if b[0] <= a[1]:
            shown = "" if case.hidden else f": {a} and {b}"
            return CheckResult.failed(f"the result still has overlapping or touching intervals{shown}")
    return CheckResult.failed(f"{len(answer)} intervals, expected {len(want)}" if len(answer) != len(want)
                              else "the intervals do not cover exactly the union of the input")
