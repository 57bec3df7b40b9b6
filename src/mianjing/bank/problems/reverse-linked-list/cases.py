"""Cases for reverse-linked-list: the examples, tiny lists, repeated values (where rewriting values
would look right), and random lists up to the 5000-node limit (deep enough to need the raised
recursion limit for a recursive solution)."""

import numpy as np

from mianjing.checkers.linked import check_relinked
from mianjing.problems.case import Case


def _values(rng: np.random.Generator, n: int) -> list[int]:
    return [int(v) for v in rng.integers(-5000, 5001, size=n)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"values": [4, 9, 2, 7, 5]}, hidden=False),
        Case("example-2", {"values": [6, 3]}, hidden=False),
        Case("example-3", {"values": []}, hidden=False),
        Case("edge-single", {"values": [7]}),
        Case("edge-equal-values", {"values": [3] * 6}, note="all values equal: only the links show a reversal"),
        Case("edge-palindrome", {"values": [1, 2, 3, 2, 1]}, note="the values read the same both ways"),
        Case("edge-extremes", {"values": [-5000, 5000, 0, -5000]}),
        Case("edge-max-length", {"values": _values(rng, 5000)}, note="5000 nodes"),
    ]
    for k in range(6):
        out.append(Case(f"random-{k + 1}", {"values": _values(rng, int(rng.integers(2, 80)))}))
    return out


def check(case, expected, got):
    return check_relinked(expected, got, hidden=case.hidden)
