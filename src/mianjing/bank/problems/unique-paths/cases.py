"""Cases for unique-paths: the examples, single rows and columns, square and skinny grids, the
largest grid of the statement (where only a polynomial method finishes), and random sizes."""

import numpy as np

from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"m": 4, "n": 5}, hidden=False),
        Case("example-2", {"m": 2, "n": 3}, hidden=False),
        Case("edge-one-cell", {"m": 1, "n": 1}),
        Case("edge-one-row", {"m": 1, "n": 9}),
        Case("edge-one-column", {"m": 12, "n": 1}),
        Case("edge-two-by-two", {"m": 2, "n": 2}),
        Case("edge-square", {"m": 10, "n": 10}),
        Case("edge-largest", {"m": 100, "n": 100}, note="the largest grid: the answer has 59 digits"),
        Case("edge-skinny", {"m": 2, "n": 100}),
        Case("edge-exponential", {"m": 18, "n": 18}, note="about 2.3e9 paths: counting them one by one is too slow"),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", {"m": int(rng.integers(1, 101)), "n": int(rng.integers(1, 101))}))
    return out
