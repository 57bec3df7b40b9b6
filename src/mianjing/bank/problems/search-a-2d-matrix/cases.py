"""Cases for search-a-2d-matrix: the examples, one cell, one row, one column, target below all,
above all, between two rows, at the corners, random matrices with present and absent targets, and
a complexity series of huge lazy matrices (up to 10^6 x 10^6)."""

import numpy as np

from mianjing.problems.case import Case


def _matrix(rng: np.random.Generator, m: int, n: int) -> list[list[int]]:
    flat = sorted(int(v) for v in rng.choice(np.arange(-10**4, 10**4 + 1), size=m * n, replace=False))
    return [flat[i * n:(i + 1) * n] for i in range(m)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"matrix": [[2, 5, 8], [11, 14, 19], [23, 30, 41]], "target": 14}, hidden=False),
        Case("example-2", {"matrix": [[2, 5, 8], [11, 14, 19], [23, 30, 41]], "target": 10}, hidden=False),
        Case("edge-one-cell-hit", {"matrix": [[7]], "target": 7}),
        Case("edge-one-cell-miss", {"matrix": [[7]], "target": 8}),
        Case("edge-one-row", {"matrix": [[1, 3, 5, 7]], "target": 5}),
        Case("edge-one-column", {"matrix": [[1], [3], [5], [7]], "target": 7}),
        Case("edge-below-all", {"matrix": [[4, 6], [9, 12]], "target": 1}),
        Case("edge-above-all", {"matrix": [[4, 6], [9, 12]], "target": 13}),
        Case("edge-row-start", {"matrix": [[4, 6], [9, 12], [15, 20]], "target": 9}, note="the first value of a middle row"),
        Case("edge-corners", {"matrix": [[-5, 0, 3], [8, 10, 77]], "target": 77}),
    ]
    for k in range(10):
        matrix = _matrix(rng, int(rng.integers(1, 12)), int(rng.integers(1, 12)))
        flat = [v for row in matrix for v in row]
        target = flat[int(rng.integers(0, len(flat)))] if k % 2 == 0 else int(rng.integers(-10**4, 10**4))
        out.append(Case(f"random-{k + 1}", {"matrix": matrix, "target": target}))
    for k, side in enumerate((10**2, 10**3, 10**4, 10**6)):
        base, step = int(rng.integers(-10**6, 10**6)), int(rng.integers(2, 5))
        spec = {"lazy": {"m": side, "n": side, "base": base, "step": step, "seed": int(rng.integers(0, 2**31))}}
        target = base + step * (side * side - side // 2) + 1  # near the bottom-left end, often absent
        out.append(Case(f"large-{k + 1}", {"matrix": spec, "target": target}, size=side * side,
                        note=f"a lazy sorted {side} x {side} matrix"))
    return out
