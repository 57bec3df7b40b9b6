"""Cases for minimum-path-sum: the examples, a single cell, a single row and column, a trap for the
greedy walk, zeros, the largest grid, and random grids."""

import numpy as np

from mianjing.problems.case import Case


def _grid(rng: np.random.Generator, m: int, n: int, hi: int = 200) -> list[list[int]]:
    return [[int(v) for v in row] for row in rng.integers(0, hi + 1, size=(m, n))]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"grid": [[1, 4, 2], [1, 6, 1], [3, 1, 2]]}, hidden=False),
        Case("example-2", {"grid": [[2, 3, 1], [5, 4, 2]]}, hidden=False),
        Case("edge-one-cell", {"grid": [[7]]}),
        Case("edge-one-row", {"grid": [[1, 2, 0, 5, 3]]}),
        Case("edge-one-column", {"grid": [[4], [0], [9], [1]]}),
        Case("edge-greedy-trap", {"grid": [[1, 1, 9], [5, 9, 9], [1, 1, 1]]},
             note="the cheap first steps lead to an expensive corner"),
        Case("edge-zeros", {"grid": [[0] * 6 for _ in range(5)]}),
        Case("edge-largest", {"grid": _grid(rng, 200, 200)}, note="200 x 200"),
        Case("edge-wide", {"grid": _grid(rng, 3, 200)}),
        Case("edge-exponential", {"grid": _grid(rng, 16, 16, 9)}, note="16 x 16: about 1.5e8 paths"),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", {"grid": _grid(rng, int(rng.integers(1, 30)), int(rng.integers(1, 30)), 9 if k < 4 else 200)}))
    return out
