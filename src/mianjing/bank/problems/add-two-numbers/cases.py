"""Cases for add-two-numbers: the examples, zero, a carry that runs through every digit and out the
top, a digit sum of exactly 10, lists of different lengths, and random numbers up to 100 digits."""

import numpy as np

from mianjing.problems.case import Case


def _number(rng: np.random.Generator, n: int) -> list[int]:
    """n digits, ones digit first, no leading zero (the last digit is 1..9 unless n == 1)."""
    digits = [int(v) for v in rng.integers(0, 10, size=n)]
    if n > 1:
        digits[-1] = int(rng.integers(1, 10))
    return digits


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"l1": [3, 1, 6], "l2": [8, 2, 2]}, hidden=False),
        Case("example-2", {"l1": [0], "l2": [7]}, hidden=False),
        Case("example-3", {"l1": [9, 9, 9], "l2": [9, 9, 9, 9, 9, 9]}, hidden=False),
        Case("edge-final-carry", {"l1": [5], "l2": [5]}, note="5 + 5: a new top digit"),
        Case("edge-sum-ten-inside", {"l1": [3, 4], "l2": [7, 1]}, note="a digit sum of exactly 10"),
        Case("edge-carry-through-longer", {"l1": [9, 9, 9], "l2": [1]}, note="999 + 1"),
        Case("edge-short-first", {"l1": [1], "l2": [9, 9, 9, 9]}),
        Case("edge-zero-plus-number", {"l1": [0], "l2": [1, 0, 0, 1]}),
        Case("edge-max-digits", {"l1": [9] * 100, "l2": [9] * 100}, note="100 nines plus 100 nines"),
        Case("edge-max-mixed", {"l1": _number(rng, 100), "l2": _number(rng, 1)}),
    ]
    for k in range(8):
        m, n = (int(v) for v in rng.integers(1, 101, size=2))
        out.append(Case(f"random-{k + 1}", {"l1": _number(rng, m), "l2": _number(rng, n)}))
    return out
