"""Cases for linked-list-cycle-ii: the examples, no cycle, self-loops, a cycle through the head,
repeated values (where remembering values goes wrong), and long lists whose Floyd meeting point is
far from the entry."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.linked import check_untouched
from mianjing.problems.case import Case


def _values(rng: np.random.Generator, n: int, hi: int = 100_000) -> list[int]:
    return [int(v) for v in rng.integers(-hi, hi + 1, size=n)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"values": [5, -1, 8, 6], "pos": 1}, hidden=False),
        Case("example-2", {"values": [7, 4], "pos": 0}, hidden=False),
        Case("example-3", {"values": [9], "pos": -1}, hidden=False),
        Case("edge-empty", {"values": [], "pos": -1}),
        Case("edge-self-loop", {"values": [5], "pos": 0}, note="one node pointing at itself"),
        Case("edge-tail-self-loop", {"values": [1, 2, 3, 4, 5], "pos": 4}, note="the last node points at itself"),
        Case("edge-cycle-through-head", {"values": [1, 2, 3, 4, 5, 6, 7], "pos": 0}),
        Case("edge-repeated-values-no-cycle", {"values": [2, 7, 2, 7], "pos": -1}),
        Case("edge-repeated-values", {"values": [9, 1, 9, 3, 9, 5], "pos": 3}, note="values repeat before the entry"),
        Case("edge-long-tail-short-cycle", {"values": _values(rng, 10_000), "pos": 9_997}, note="10000 nodes, a 3-node cycle"),
        Case("edge-short-tail-long-cycle", {"values": _values(rng, 10_000), "pos": 2}, note="10000 nodes, entry at index 2"),
        Case("edge-long-no-cycle", {"values": _values(rng, 10_000), "pos": -1}),
    ]
    for k in range(8):
        n = int(rng.integers(1, 60))
        pos = int(rng.integers(0, n)) if k % 4 != 3 else -1
        out.append(Case(f"random-{k + 1}", {"values": _values(rng, n, 30), "pos": pos}))
    return out


def check(case, expected, got):
    untouched = check_untouched(got)
    if untouched is not None:
        return untouched
    node, want = got.get("node"), expected["node"]
    if node == want:
        return CheckResult.passed()
    if want is None:
        return CheckResult.failed("the list has no cycle, so the answer is None, but a node was returned")
    if node is None:
        return CheckResult.failed("the list has a cycle, but None was returned")
    if node == -1:
        return CheckResult.failed("returned a node that is not part of the list")
    return CheckResult.failed(
        "returned a node of the list that is not where the cycle begins: the entry is the first node "
        "reached twice when walking from the head"
    )
