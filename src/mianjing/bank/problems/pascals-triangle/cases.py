"""Cases for pascals-triangle: the examples, one and two rows, the largest triangle, and random sizes."""

import numpy as np

from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"num_rows": 5}, hidden=False),
        Case("example-2", {"num_rows": 1}, hidden=False),
        Case("edge-two", {"num_rows": 2}),
        Case("edge-three", {"num_rows": 3}),
        Case("edge-largest", {"num_rows": 60}, note="60 rows: entries beyond 2**53"),
    ]
    for k in range(5):
        out.append(Case(f"random-{k + 1}", {"num_rows": int(rng.integers(1, 61))}))
    return out
