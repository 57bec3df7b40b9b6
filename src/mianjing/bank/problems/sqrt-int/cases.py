"""Cases for sqrt-int: the examples, boundaries around perfect squares (drawn per seed), and random values."""

import numpy as np

from mianjing.problems.case import Case

MAX = 2**31 - 1


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"x": 9}, hidden=False),
        Case("example-2", {"x": 15}, hidden=False),
        Case("example-3", {"x": 1}, hidden=False),
        Case("example-4", {"x": 2024999999}, hidden=False),
        Case("edge-zero", {"x": 0}, note="x = 0: the root is 0, not 1"),
        Case("edge-one", {"x": 1}),
        Case("edge-two-three", {"x": 3}),
        Case("edge-max", {"x": MAX}, note="x = 2**31 - 1"),
    ]
    # hidden edges drawn per seed (a fixed value could be learnt once and answered from a table)
    big = int(rng.integers(40000, 46341))
    out += [
        Case("edge-largest-square", {"x": big * big - 1}, note="just below a large perfect square"),
        Case("edge-large-square", {"x": big * big}, note="a large perfect square"),
        Case("edge-small-square", {"x": int(rng.integers(2, 100)) ** 2}, note="a small perfect square"),
    ]
    for k in range(8):
        r = int(rng.integers(2, 46341))
        x = r * r + int(rng.integers(-1, 2))  # just below, at, or just above a perfect square
        out.append(Case(f"random-near-square-{k + 1}", {"x": min(x, MAX)}))
    for k in range(6):
        out.append(Case(f"random-{k + 1}", {"x": int(rng.integers(0, MAX, endpoint=True))}))
    return out
