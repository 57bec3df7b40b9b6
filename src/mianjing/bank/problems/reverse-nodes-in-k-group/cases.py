"""Cases for reverse-nodes-in-k-group: the examples, k = 1 (nothing changes), k = length (one
reversal), a length that k divides and one it does not, repeated values (where reversing values
looks right), and 5000-node lists with small and large k."""

import numpy as np

from mianjing.checkers.linked import check_relinked
from mianjing.problems.case import Case


def _values(rng: np.random.Generator, n: int, hi: int = 1000) -> list[int]:
    return [int(v) for v in rng.integers(0, hi + 1, size=n)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"values": [7, 3, 8, 1, 6], "k": 2}, hidden=False),
        Case("example-2", {"values": [7, 3, 8, 1, 6], "k": 3}, hidden=False),
        Case("example-3", {"values": [7, 3, 8, 1, 6, 2], "k": 3}, hidden=False),
        Case("edge-single", {"values": [8], "k": 1}),
        Case("edge-k-one", {"values": [3, 1, 2], "k": 1}, note="k = 1: nothing changes"),
        Case("edge-k-equals-length", {"values": [1, 2, 3, 4], "k": 4}),
        Case("edge-short-tail-one", {"values": [1, 2, 3, 4, 5, 6, 7], "k": 3}, note="one node left over"),
        Case("edge-equal-values", {"values": [5] * 8, "k": 3}, note="all values equal: only the links show a reversal"),
        Case("edge-long-k-one", {"values": _values(rng, 5000), "k": 1}, note="5000 nodes, k = 1"),
        Case("edge-long-k-two", {"values": _values(rng, 5000), "k": 2}, note="5000 nodes, k = 2"),
        Case("edge-long-k-seven", {"values": _values(rng, 5000), "k": 7}, note="5000 nodes, k = 7"),
        Case("edge-long-k-all", {"values": _values(rng, 5000), "k": 5000}, note="5000 nodes, k = 5000"),
    ]
    for k in range(8):
        n = int(rng.integers(1, 60))
        out.append(Case(f"random-{k + 1}", {"values": _values(rng, n, 4 if k < 2 else 1000),
                                           "k": int(rng.integers(1, n + 1))}))
    return out


def check(case, expected, got):
    return check_relinked(expected, got, hidden=case.hidden)
