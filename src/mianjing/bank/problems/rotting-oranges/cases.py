"""Cases for rotting-oranges: the examples, no fresh oranges, no rotten ones, a fresh orange cut off
by empty cells, several sources (an orange rots from the nearest), a long corridor, random grids,
and the largest grid."""

import numpy as np

from mianjing.problems.case import Case


def _random(rng: np.random.Generator, m: int, n: int, p_empty: float, p_rotten: float) -> list[list[int]]:
    g = []
    for row in rng.random((m, n)):
        g.append([0 if v < p_empty else 2 if v < p_empty + p_rotten else 1 for v in row])
    return g


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"grid": [[1, 1, 2], [0, 1, 1], [1, 1, 0]]}, hidden=False),
        Case("example-2", {"grid": [[2, 1, 0], [1, 0, 1], [1, 1, 0]]}, hidden=False),
        Case("example-3", {"grid": [[2, 0, 2]]}, hidden=False),
        Case("edge-all-empty", {"grid": [[0, 0], [0, 0]]}),
        Case("edge-no-rotten", {"grid": [[1, 1], [0, 1]]}, note="fresh oranges and nothing rotten: -1"),
        Case("edge-already-rotten", {"grid": [[2, 2, 0, 2]]}, note="nothing fresh: 0 minutes"),
        Case("edge-two-sources", {"grid": [[2, 1, 1, 1, 1, 1, 2]]}, note="rot spreads from both ends: 3 minutes"),
        Case("edge-cut-off", {"grid": [[2, 1, 0, 1]]}),
        Case("edge-corridor", {"grid": [[2] + [1] * 98 + [1]]}, note="one row of 100: 99 minutes"),
    ]
    for k in range(8):
        m, n = int(rng.integers(1, 12)), int(rng.integers(1, 12))
        out.append(Case(f"random-{k + 1}", {"grid": _random(rng, m, n, 0.15, 0.1)}))
    out.append(Case("large-random", {"grid": _random(rng, 100, 100, 0.1, 0.002)}, note="100 x 100, few sources"))
    return out
