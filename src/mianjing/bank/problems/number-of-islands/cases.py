"""Cases for number-of-islands: the examples, one cell, all water, all land, diagonal-only contact,
a ring with a lake, a long snake (deep for a recursive fill), random grids of several densities,
and the largest grid."""

import numpy as np

from mianjing.problems.case import Case


def _grid(rows: list[str]) -> list[list[str]]:
    return [list(r) for r in rows]


def _random(rng: np.random.Generator, m: int, n: int, p: float) -> list[list[str]]:
    return [["1" if v < p else "0" for v in row] for row in rng.random((m, n))]


def _snake(m: int, n: int) -> list[list[str]]:
    """One island winding through the whole grid: rows of land joined at alternating ends."""
    g = [["0"] * n for _ in range(m)]
    for r in range(0, m, 2):
        g[r] = ["1"] * n
        if r + 1 < m:
            g[r + 1][n - 1 if (r // 2) % 2 == 0 else 0] = "1"
    return g


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"grid": _grid(["01110", "01010", "01110", "00000"])}, hidden=False),
        Case("example-2", {"grid": _grid(["10011", "10001", "01000", "00110"])}, hidden=False),
        Case("edge-one-land", {"grid": [["1"]]}),
        Case("edge-one-water", {"grid": [["0"]]}),
        Case("edge-all-land", {"grid": [["1"] * 6 for _ in range(4)]}),
        Case("edge-diagonal", {"grid": _grid(["101", "010", "101"])}, note="corners touch, sides do not: 5 islands"),
        Case("edge-ring-lake", {"grid": _grid(["11111", "10001", "10101", "10001", "11111"])}, note="a ring around a lake with an island"),
        Case("edge-one-row", {"grid": _grid(["1011001"])}),
        Case("edge-snake", {"grid": _snake(199, 200)}, note="one island winding through a 199 x 200 grid"),
    ]
    for k in range(8):
        m, n = int(rng.integers(1, 30)), int(rng.integers(1, 30))
        out.append(Case(f"random-{k + 1}", {"grid": _random(rng, m, n, [0.3, 0.45, 0.6][k % 3])}))
    out.append(Case("large-random", {"grid": _random(rng, 200, 200, 0.55)}, note="200 x 200 near the percolation threshold"))
    return out
