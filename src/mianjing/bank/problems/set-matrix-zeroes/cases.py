"""Cases for set-matrix-zeroes: the examples, 1 x 1, a single row or column, zeros in the first row
or the first column only (the cells the O(1)-space method borrows as markers), a zero in the
corner, all zeros, no zeros, 32-bit extremes, random matrices, and the largest sizes (200 x 200,
200 x 12, 12 x 200). `check` says when the matrix was not changed at all (the rebinding mistake)."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.exact import check_exact
from mianjing.problems.case import Case

BIG = 2**31 - 1


def _sparse(rng: np.random.Generator, m: int, n: int, zero_share: float) -> list[list[int]]:
    a = rng.integers(-BIG - 1, BIG + 1, size=(m, n))
    a[rng.random((m, n)) < zero_share] = 0
    return [[int(v) for v in row] for row in a]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"matrix": [[4, 7, 2], [3, 0, 5]]}, hidden=False),
        Case("example-2", {"matrix": [[1, 2, 0], [4, 5, 6], [0, 8, 9]]}, hidden=False),
        Case("edge-one-zero", {"matrix": [[0]]}),
        Case("edge-one-value", {"matrix": [[7]]}),
        Case("edge-one-row", {"matrix": [[1, 0, 3, 4]]}),
        Case("edge-one-column", {"matrix": [[1], [0], [3]]}),
        Case("edge-zero-in-first-column", {"matrix": [[1, 2, 3], [0, 5, 6], [7, 8, 9]]}, note="only column 0 holds a 0, below row 0"),
        Case("edge-zero-in-first-row", {"matrix": [[1, 0, 3], [4, 5, 6], [7, 8, 9]]}, note="only row 0 holds a 0"),
        Case("edge-zero-in-corner", {"matrix": [[0, 2, 3], [4, 5, 6], [7, 8, 9]]}),
        Case("edge-inner-zero-only", {"matrix": [[1, 2, 3, 4], [5, 6, 0, 8], [9, 1, 2, 3]]}, note="the first row and column must survive where not crossed"),
        Case("edge-all-zero", {"matrix": [[0, 0], [0, 0]]}),
        Case("edge-no-zero", {"matrix": [[1, 2], [3, 4]]}),
        Case("edge-extremes", {"matrix": [[BIG, -BIG - 1], [0, BIG]]}),
    ]
    for k in range(8):
        m, n = (int(v) for v in rng.integers(1, 12, size=2))
        out.append(Case(f"random-{k + 1}", {"matrix": [[int(v) for v in row] for row in rng.integers(0, 4, size=(m, n))]},
                        note="values 0..3"))
    # the largest sizes. A zero in the last row of 200 x 200 is where clearing during the scan goes
    # wrong most cheaply (the scan is almost over); zeros higher up would make that mistake slow
    # rather than wrong, which is not what it should be reported as.
    big = _sparse(rng, 200, 200, 0.0)
    big = [[v if v != 0 else 1 for v in row] for row in big]
    big[199][int(rng.integers(0, 200))] = 0
    out.append(Case("edge-max-size", {"matrix": big}, note="200 x 200, one 0 in the last row"))
    out.append(Case("random-tall", {"matrix": _sparse(rng, 200, 12, 0.01)}, note="200 x 12"))
    out.append(Case("random-wide", {"matrix": _sparse(rng, 12, 200, 0.01)}, note="12 x 200"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    res = check_exact("matrix", expected["out"], got.get("out"), hidden=case.hidden)
    if not res.ok and got.get("out") == case.inputs["matrix"]:
        return CheckResult.failed(
            "matrix is unchanged after the call: change the caller's matrix itself (matrix[i][j] = 0); "
            "assigning a new matrix to the name matrix does not change the caller's one"
        )
    return res
