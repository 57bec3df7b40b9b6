"""Cases for rotate-image: the examples, 1 x 1, 2 x 2, odd and even sizes, a symmetric matrix (the
transpose changes nothing there), repeated values, negatives, random matrices and 200 x 200. `check`
says when the matrix was not changed at all (the rebinding mistake)."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.exact import check_exact
from mianjing.problems.case import Case


def _count(n: int) -> list[list[int]]:
    return [[r * n + c + 1 for c in range(n)] for r in range(n)]


def _random(rng: np.random.Generator, n: int) -> list[list[int]]:
    return [[int(v) for v in row] for row in rng.integers(-1000, 1001, size=(n, n))]


def cases(rng: np.random.Generator) -> list[Case]:
    sym = rng.integers(-9, 10, size=(5, 5))
    sym = sym + sym.T
    out = [
        Case("example-1", {"matrix": [[2, 4, 6], [1, 3, 5], [9, 8, 7]]}, hidden=False),
        Case("example-2", {"matrix": [[3, 14, 1, 8], [7, 0, 12, 5], [10, 6, 2, 15], [4, 11, 9, 13]]}, hidden=False),
        Case("edge-three", {"matrix": _count(3)}),
        Case("edge-one", {"matrix": [[7]]}),
        Case("edge-two", {"matrix": [[1, 2], [3, 4]]}),
        Case("edge-even", {"matrix": _count(6)}),
        Case("edge-odd", {"matrix": _count(7)}),
        Case("edge-symmetric", {"matrix": [[int(v) for v in row] for row in sym]}, note="equal to its transpose"),
        Case("edge-repeated", {"matrix": [[1, 1, 2], [1, 1, 2], [3, 3, 3]]}),
        Case("edge-negative", {"matrix": [[-1000, -1], [0, 1000]]}),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", {"matrix": _random(rng, int(rng.integers(1, 13)))}))
    out.append(Case("random-large", {"matrix": _random(rng, 200)}, note="200 x 200"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    res = check_exact("matrix", expected["out"], got.get("out"), hidden=case.hidden)
    if not res.ok and got.get("out") == case.inputs["matrix"] and len(case.inputs["matrix"]) > 1:
        return CheckResult.failed(
            "matrix is unchanged after the call: rotate the caller's matrix itself (matrix[i][j] = ..., "
            "or matrix[:] = ...); assigning a new matrix to the name matrix does not change the caller's one"
        )
    return res
