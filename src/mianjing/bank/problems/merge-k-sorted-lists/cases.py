"""Cases for merge-k-sorted-lists: the examples, no lists, only empty lists, one list, equal values
across lists (where a heap of (value, node) pairs breaks), 10^4 one-node lists, and a hidden series
with thousands of short lists on which merging one list at a time is too slow."""

import numpy as np

from mianjing.checkers.linked import check_reordered
from mianjing.problems.case import Case


def _lists(rng: np.random.Generator, k: int, mean_len: float, hi: int = 10_000) -> list[list[int]]:
    lengths = rng.poisson(mean_len, size=k).clip(0, 500)
    return [sorted(int(v) for v in rng.integers(-hi, hi + 1, size=n)) for n in lengths]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"lists": [[2, 6, 9], [1, 6, 7], [3, 8]]}, hidden=False),
        Case("example-2", {"lists": []}, hidden=False),
        Case("example-3", {"lists": [[]]}, hidden=False),
        Case("edge-empty-and-full", {"lists": [[], [2, 3], [], [1]]}),
        Case("edge-one-list", {"lists": [[-3, 0, 0, 7]]}),
        Case("edge-all-equal", {"lists": [[5, 5], [5], [5, 5, 5]]}, note="every value equal"),
        Case("edge-disjoint-ranges", {"lists": [[7, 8, 9], [4, 5, 6], [1, 2, 3]]}),
        Case("edge-extremes", {"lists": [[-10_000, 10_000], [-10_000], [10_000]]}),
        Case("edge-many-singletons", {"lists": [[int(v)] for v in rng.integers(-10_000, 10_001, size=10_000)]},
             note="10^4 lists of one node"),
        Case("edge-long-lists", {"lists": _lists(rng, 20, 500)}, note="20 lists of up to 500 nodes"),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", {"lists": _lists(rng, int(rng.integers(1, 12)), 6, 5 if k < 3 else 10_000)}))
    for k, n in enumerate((1_250, 2_500, 5_000, 10_000)):
        out.append(Case(f"large-{k + 1}", {"lists": _lists(rng, n // 4, 4)}, size=n,
                        note=f"{n // 4} lists of about 4 nodes"))
    return out


def check(case, expected, got):
    flat = [v for values in case.inputs["lists"] for v in values]
    return check_reordered(flat, expected, got, hidden=case.hidden)
