"""Cases for merge-two-sorted-lists: the examples, one or both lists empty, all of one list smaller
than the other, equal values across the lists, negatives, and random sorted lists up to 50 nodes."""

import numpy as np

from mianjing.checkers.linked import check_reordered
from mianjing.problems.case import Case


def _sorted(rng: np.random.Generator, n: int, lo: int = -100, hi: int = 100) -> list[int]:
    return sorted(int(v) for v in rng.integers(lo, hi + 1, size=n))


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"list1": [2, 5, 7], "list2": [2, 3, 8]}, hidden=False),
        Case("example-2", {"list1": [], "list2": []}, hidden=False),
        Case("example-3", {"list1": [], "list2": [6]}, hidden=False),
        Case("edge-second-empty", {"list1": [-3, 5], "list2": []}),
        Case("edge-all-first-smaller", {"list1": [1, 2, 3], "list2": [4, 5, 6, 7]}),
        Case("edge-all-second-smaller", {"list1": [10, 20], "list2": [-5, -4, 0]}),
        Case("edge-equal-values", {"list1": [2, 2, 2], "list2": [2, 2]}, note="every value equal"),
        Case("edge-interleaved", {"list1": [1, 3, 5, 7, 9], "list2": [2, 4, 6, 8, 10]}),
        Case("edge-extremes", {"list1": [-100, 100], "list2": [-100, 0, 100]}),
        Case("edge-max-length", {"list1": _sorted(rng, 50), "list2": _sorted(rng, 50)}, note="50 + 50 nodes"),
    ]
    for k in range(8):
        m, n = (int(v) for v in rng.integers(0, 51, size=2))
        hi = 5 if k < 3 else 100  # few distinct values: many ties across the lists
        out.append(Case(f"random-{k + 1}", {"list1": _sorted(rng, m, -hi, hi), "list2": _sorted(rng, n, -hi, hi)}))
    return out


def check(case, expected, got):
    return check_reordered(case.inputs["list1"] + case.inputs["list2"], expected, got, hidden=case.hidden)
