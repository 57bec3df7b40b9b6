"""Cases for linked-list-cycle: the examples, empty and single-node lists, self-loops, repeated
values without a cycle (where remembering values goes wrong), odd and even lengths without a cycle,
and long lists with the tail linked back near the start or the end."""

import numpy as np

from mianjing.checkers.exact import check_exact
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
        Case("edge-two-no-cycle", {"values": [1, 2], "pos": -1}),
        Case("edge-three-no-cycle", {"values": [1, 2, 3], "pos": -1}),
        Case("edge-repeated-values", {"values": [1, 2, 1, 2, 1], "pos": -1}, note="values repeat, links do not"),
        Case("edge-all-equal", {"values": [4] * 9, "pos": 3}),
        Case("edge-long-no-cycle", {"values": _values(rng, 10_000, 5), "pos": -1}, note="10000 nodes, few distinct values"),
        Case("edge-long-cycle-at-head", {"values": _values(rng, 10_000), "pos": 0}, note="10000 nodes, back to the head"),
        Case("edge-long-short-cycle", {"values": _values(rng, 10_000), "pos": 9_990}, note="10000 nodes, a 10-node cycle"),
    ]
    for k in range(8):
        n = int(rng.integers(1, 60))
        pos = int(rng.integers(0, n)) if k % 2 == 0 else -1
        out.append(Case(f"random-{k + 1}", {"values": _values(rng, n, 20), "pos": pos}))
    return out


def check(case, expected, got):
    untouched = check_untouched(got)
    if untouched is not None:
        return untouched
    return check_exact("out", expected["out"], got.get("out"), hidden=case.hidden)
