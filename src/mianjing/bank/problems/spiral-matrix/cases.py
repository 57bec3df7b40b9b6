"""Cases for spiral-matrix: the examples, single rows and columns, tall and wide shapes whose last
layer is a lone row or column, zeros, and random shapes."""

import numpy as np

from mianjing.problems.case import Case


def _mat(rng: np.random.Generator, m: int, n: int) -> list[list[int]]:
    return [[int(v) for v in row] for row in rng.integers(-100, 101, size=(m, n))]


def _count(m: int, n: int) -> list[list[int]]:
    return [[r * n + c + 1 for c in range(n)] for r in range(m)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"matrix": [[5, 1, 9], [3, 8, 2], [7, 4, 6]]}, hidden=False),
        Case("example-2", {"matrix": [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15]]}, hidden=False),
        Case("example-3", {"matrix": [[-4]]}, hidden=False),
        Case("edge-one-row", {"matrix": [[1, 2, 3, 4, 5]]}, note="1 x 5"),
        Case("edge-one-column", {"matrix": [[1], [2], [3], [4]]}, note="4 x 1"),
        Case("edge-tall", {"matrix": _count(5, 2)}, note="5 x 2"),
        Case("edge-wide", {"matrix": _count(2, 5)}, note="2 x 5"),
        Case("edge-lone-middle-row", {"matrix": _count(3, 6)}, note="3 x 6: the last layer is one row"),
        Case("edge-lone-middle-column", {"matrix": _count(7, 3)}, note="7 x 3: the last layer is one column"),
        Case("edge-even-square", {"matrix": _count(4, 4)}),
        Case("edge-zeros", {"matrix": [[0, 1, 0], [2, 0, 3], [0, 4, 0]]}, note="values include 0"),
        Case("edge-all-zero", {"matrix": [[0] * 4 for _ in range(3)]}),
        Case("edge-negative", {"matrix": [[-1, -2], [-3, -4]]}),
    ]
    for k in range(8):
        m, n = (int(v) for v in rng.integers(1, 12, size=2))
        out.append(Case(f"random-{k + 1}", {"matrix": _mat(rng, m, n)}))
    for k in range(2):
        m, n = (int(v) for v in rng.integers(30, 101, size=2))
        out.append(Case(f"random-large-{k + 1}", {"matrix": _mat(rng, m, n)}))
    return out
