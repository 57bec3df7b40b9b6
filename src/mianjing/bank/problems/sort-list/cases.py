"""Cases for sort-list: the examples, empty and tiny lists, sorted and reversed input, all-equal and
few distinct values, the extremes, 2 * 10^4 nodes, and a hidden series of random lists on which only
an O(n log n) sort stays within the time limit."""

import numpy as np

from mianjing.checkers.linked import check_reordered
from mianjing.problems.case import Case


def _values(rng: np.random.Generator, n: int, hi: int = 100_000) -> list[int]:
    return [int(v) for v in rng.integers(-hi, hi + 1, size=n)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"values": [7, 3, 9, 1]}, hidden=False),
        Case("example-2", {"values": [2, -6, 8, 0, 5]}, hidden=False),
        Case("example-3", {"values": []}, hidden=False),
        Case("edge-single", {"values": [8]}),
        Case("edge-two-swapped", {"values": [2, 1]}),
        Case("edge-sorted", {"values": list(range(-10, 11))}),
        Case("edge-reversed", {"values": list(range(20, -1, -1))}),
        Case("edge-all-equal", {"values": [6] * 9}),
        Case("edge-extremes", {"values": [100_000, -100_000, 0, 100_000, -100_000]}),
        Case("edge-max-length", {"values": _values(rng, 20_000)}, note="2 * 10^4 nodes"),
        Case("edge-long-few-values", {"values": _values(rng, 10_000, 2)}, note="10^4 nodes, values in -2..2"),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", {"values": _values(rng, int(rng.integers(2, 80)), 5 if k < 3 else 100_000)}))
    for k, n in enumerate((2_000, 4_000, 8_000, 16_000)):
        out.append(Case(f"large-{k + 1}", {"values": _values(rng, n)}, size=n, note=f"{n} random values"))
    return out


def check(case, expected, got):
    return check_reordered(case.inputs["values"], expected, got, hidden=case.hidden)
