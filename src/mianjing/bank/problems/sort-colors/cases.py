"""Cases for sort-colors: the examples, empty-ish and single-colour lists, already sorted and
reversed lists, random lists, and a complexity series on which a quadratic sort times out. The
harness reads back the caller's own list, so only an in-place sort counts."""

import numpy as np

from mianjing.problems.case import Case


def _colours(rng: np.random.Generator, n: int) -> list[int]:
    return [int(v) for v in rng.integers(0, 3, size=n)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [1, 2, 0, 0, 2, 1, 0]}, hidden=False),
        Case("example-2", {"nums": [1, 0, 2]}, hidden=False),
        Case("edge-single", {"nums": [1]}),
        Case("edge-single-two", {"nums": [2]}),
        Case("edge-all-zero", {"nums": [0] * 7}),
        Case("edge-all-two", {"nums": [2] * 5}),
        Case("edge-sorted", {"nums": [0, 0, 1, 1, 2, 2]}),
        Case("edge-reversed", {"nums": [2, 2, 2, 1, 1, 0, 0]}, note="descending order"),
        Case("edge-twos-then-zeros", {"nums": [2, 0, 2, 0, 2, 0]}, note="a 0 swapped in from the right must still move left"),
        Case("edge-no-ones", {"nums": [2, 2, 0, 0, 2, 0]}),
    ]
    for k in range(6):
        out.append(Case(f"random-{k + 1}", {"nums": _colours(rng, int(rng.integers(1, 40)))}))
    out.append(Case("random-300", {"nums": _colours(rng, 300)}))
    for k, n in enumerate((5_000, 10_000, 20_000, 40_000)):
        out.append(Case(f"large-{k + 1}", {"nums": _colours(rng, n)}, size=n, note=f"{n} colours"))
    return out
