"""Cases for remove-nth-node-from-end-of-list: the examples, removing the head, the tail and the
only node, repeated values (where removing by value goes wrong), and random lists up to 30 nodes."""

import numpy as np

from mianjing.checkers.linked import check_relinked
from mianjing.problems.case import Case


def _values(rng: np.random.Generator, n: int, hi: int = 100) -> list[int]:
    return [int(v) for v in rng.integers(0, hi + 1, size=n)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"values": [6, 2, 9, 4, 7], "n": 2}, hidden=False),
        Case("example-2", {"values": [8], "n": 1}, hidden=False),
        Case("example-3", {"values": [3, 5], "n": 1}, hidden=False),
        Case("edge-remove-head", {"values": [1, 2], "n": 2}, note="n equals the length"),
        Case("edge-remove-head-long", {"values": [4, 8, 15, 16, 23, 42], "n": 6}),
        Case("edge-remove-tail", {"values": [3, 1, 4, 1, 5], "n": 1}),
        Case("edge-repeated-values", {"values": [7, 2, 7, 2, 7], "n": 3}, note="the target's value occurs earlier"),
        Case("edge-all-equal", {"values": [9] * 6, "n": 2}),
        Case("edge-max-length", {"values": _values(rng, 30), "n": 15}, note="30 nodes"),
    ]
    for k in range(8):
        size = int(rng.integers(1, 31))
        out.append(Case(f"random-{k + 1}", {"values": _values(rng, size, 3 if k < 3 else 100),
                                           "n": int(rng.integers(1, size + 1))}))
    return out


def check(case, expected, got):
    return check_relinked(expected, got, hidden=case.hidden)
