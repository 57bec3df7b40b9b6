"""Cases for house-robber: the examples, one and two houses, zeros, the plan that skips two houses
in a row, the rich house that blocks two neighbours, random streets, and a complexity series on
which exponential recursion cannot finish (it fails on the first large case; the series sizes are
modest because the reference is linear)."""

import numpy as np

from mianjing.problems.case import Case


def _street(rng: np.random.Generator, n: int, hi: int = 400) -> list[int]:
    return [int(v) for v in rng.integers(0, hi + 1, size=n)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [3, 1, 1, 4]}, hidden=False),
        Case("example-2", {"nums": [4, 1, 2, 7, 5, 3, 1]}, hidden=False),
        Case("edge-one", {"nums": [5]}),
        Case("edge-two", {"nums": [2, 9]}),
        Case("edge-zeros", {"nums": [0, 0, 0]}),
        Case("edge-skip-two", {"nums": [2, 1, 1, 2]}, note="the best plan robs the first and the last house"),
        Case("edge-rich-middle", {"nums": [3, 4, 3]}, note="the richest house blocks two neighbours worth more"),
        Case("edge-all-equal", {"nums": [6] * 9}),
        Case("edge-increasing", {"nums": list(range(1, 16))}),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", {"nums": _street(rng, int(rng.integers(1, 40)))}))
    for k, n in enumerate((12_500, 25_000, 50_000, 100_000)):
        out.append(Case(f"large-{k + 1}", {"nums": _street(rng, n)}, size=n, note=f"{n} houses"))
    return out
