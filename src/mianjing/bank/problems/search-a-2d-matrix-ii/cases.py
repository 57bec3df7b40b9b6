"""Cases for search-a-2d-matrix-ii: the examples, 1 x 1, a single row and a single column, targets
below and above everything, targets in the corners and in column 0, repeated values, extremes, and
random sorted matrices up to 300 x 300 with targets that are present or fall between values."""

import numpy as np

from mianjing.problems.case import Case

TOP = 10**9


def _sorted_matrix(rng: np.random.Generator, m: int, n: int, step: int) -> list[list[int]]:
    """Rows and columns non-decreasing: each cell is the larger of its upper and left neighbours
    plus a random step (0 allowed, so values repeat)."""
    steps = rng.integers(0, step + 1, size=(m, n)).tolist()
    base = int(rng.integers(-TOP, -TOP // 2))
    a = [[0] * n for _ in range(m)]
    for i in range(m):
        for j in range(n):
            a[i][j] = max(a[i - 1][j] if i else base, a[i][j - 1] if j else base) + steps[i][j]
    return a


def _target(rng: np.random.Generator, matrix: list[list[int]], present: bool) -> int:
    if present:
        return matrix[int(rng.integers(0, len(matrix)))][int(rng.integers(0, len(matrix[0])))]
    values = {v for row in matrix for v in row}
    while True:
        t = int(rng.integers(matrix[0][0] - 2, matrix[-1][-1] + 3))
        if t not in values:
            return t


def cases(rng: np.random.Generator) -> list[Case]:
    grid = [[2, 5, 9, 14], [3, 8, 10, 17], [6, 11, 13, 20], [12, 15, 19, 25]]
    out = [
        Case("example-1", {"matrix": grid, "target": 13}, hidden=False),
        Case("example-2", {"matrix": grid, "target": 7}, hidden=False),
        Case("example-3", {"matrix": [[-5]], "target": -5}, hidden=False),
        Case("edge-one-miss", {"matrix": [[4]], "target": 5}),
        Case("edge-one-row", {"matrix": [[1, 3, 5, 7, 9]], "target": 1}),
        Case("edge-one-column", {"matrix": [[1], [3], [5], [7]], "target": 7}),
        Case("edge-one-column-miss", {"matrix": [[1], [3], [5], [7]], "target": 4}),
        Case("edge-below-all", {"matrix": grid, "target": 1}),
        Case("edge-above-all", {"matrix": grid, "target": 26}),
        Case("edge-top-left", {"matrix": grid, "target": 2}),
        Case("edge-bottom-left", {"matrix": grid, "target": 12}, note="the target is in column 0"),
        Case("edge-top-right", {"matrix": grid, "target": 14}),
        Case("edge-bottom-right", {"matrix": grid, "target": 25}),
        Case("edge-earlier-row", {"matrix": grid, "target": 17}, note="row 1 holds it, though row 3 starts at 12 <= 17"),
        Case("edge-repeated", {"matrix": [[1, 1, 2], [1, 2, 2], [2, 2, 3]], "target": 2}),
        Case("edge-extremes", {"matrix": [[-TOP, 0], [0, TOP]], "target": TOP}),
    ]
    for k in range(10):
        m, n = (int(v) for v in rng.integers(1, 30, size=2))
        mat = _sorted_matrix(rng, m, n, 5)
        out.append(Case(f"random-{k + 1}", {"matrix": mat, "target": _target(rng, mat, k % 2 == 0)}))
    for k in range(4):
        mat = _sorted_matrix(rng, 300, 300, 3)
        out.append(Case(f"random-large-{k + 1}", {"matrix": mat, "target": _target(rng, mat, k % 2 == 0)},
                        note="300 x 300"))
    return out
