"""Cases for swap-pairs: the examples, short and odd lists, repeated values (where swapping values
would look right), and random lists up to the size limit.

The harness reports, besides the values, which input node sits at each position; `check` explains
the two ways a list with the right values can still be wrong (values swapped, new nodes)."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.exact import check_exact
from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"values": [3, 8, 6, 1]}, hidden=False),
        Case("example-2", {"values": []}, hidden=False),
        Case("example-3", {"values": [9]}, hidden=False),
        Case("example-4", {"values": [4, 7, 2]}, hidden=False),
        Case("edge-two", {"values": [5, 9]}),
        Case("edge-equal-values", {"values": [7, 7, 7, 7, 7]}, note="all values equal: only the links show a swap"),
        Case("edge-odd-long", {"values": list(range(1, 12))}, note="11 nodes"),
        Case("edge-max-length", {"values": [int(v) for v in rng.integers(0, 101, size=1000)]}, note="1000 nodes"),
        Case("edge-odd-max", {"values": [int(v) for v in rng.integers(0, 101, size=999)]}, note="999 nodes"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 60))
        out.append(Case(f"random-{k + 1}", {"values": [int(v) for v in rng.integers(0, 101, size=n)]}))
    return out


def check(case: Case, expected, got) -> CheckResult:
    res = check_exact("out", expected["out"], got.get("out"), hidden=case.hidden)
    if not res.ok:
        return res
    nodes = got.get("nodes")
    if nodes == expected["nodes"]:
        return CheckResult.passed()
    if isinstance(nodes, list) and -1 in nodes:
        return CheckResult.failed(
            "the values are right, but the list contains nodes that were not in the input: "
            "relink the given nodes instead of creating new ones"
        )
    return CheckResult.failed(
        "the values are in the right order, but the nodes did not move: swap the nodes by "
        "relinking their next pointers, not their values"
    )
