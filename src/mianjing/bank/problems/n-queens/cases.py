"""Cases for n-queens: the examples, n = 1 (one queen), n = 2 and 3 (no placement), every n up to
the maximum of 9 (352 placements), and a few seeded picks.

The boards may come in any order, so `check` validates each (n rows of n characters, one queen per
row, no two queens sharing a column or a diagonal), rejects repeats, and compares the count with
the reference's."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.enumeration import check_enumeration
from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"n": 6}, hidden=False),
        Case("example-2", {"n": 2}, hidden=False),
        Case("edge-one", {"n": 1}),
        Case("edge-three", {"n": 3}, note="no placement exists"),
        Case("edge-four", {"n": 4}),
        Case("edge-five", {"n": 5}),
        Case("edge-seven", {"n": 7}),
        Case("edge-eight", {"n": 8}, note="92 placements"),
        Case("edge-max", {"n": 9}, note="352 placements"),
    ]
    for k in range(2):
        out.append(Case(f"random-{k + 1}", {"n": int(rng.integers(1, 10))}))
    return out


def _problem(board, n: int) -> str | None:
    """What is wrong with one board, or None if it is a valid placement."""
    if not (isinstance(board, list) and len(board) == n
            and all(isinstance(row, str) and len(row) == n and set(row) <= {"Q", "."} for row in board)):
        return f"a board must be {n} strings of {n} characters 'Q' or '.'"
    if any(row.count("Q") != 1 for row in board):
        return "every row must hold exactly one queen"
    cols = [row.index("Q") for row in board]
    if len(set(cols)) != n:
        return "two queens share a column"
    if len({r - c for r, c in enumerate(cols)}) != n or len({r + c for r, c in enumerate(cols)}) != n:
        return "two queens share a diagonal"
    return None


def check(case: Case, expected, got) -> CheckResult:
    n = case.inputs["n"]

    def invalid(board):
        problem = _problem(board, n)
        return None if problem is None else (problem, f"{problem}: {str(board)[:120]}")

    return check_enumeration(got.get("out"), len(expected["out"]), hidden=case.hidden, container="boards",
                             noun="board", plural="boards", invalid=invalid, key=tuple)
