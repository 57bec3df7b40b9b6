"""Cases for coin-change: the examples, amount 0, a single coin that does or does not divide the
amount, coin systems where greedy fails, unreachable amounts, large amounts, and random coin sets."""

import numpy as np

from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"coins": [1, 3, 4], "amount": 6}, hidden=False),
        Case("example-2", {"coins": [4], "amount": 6}, hidden=False),
        Case("example-3", {"coins": [3], "amount": 0}, hidden=False),
        Case("edge-exponential", {"coins": [3, 7], "amount": 80}, note="a small amount that plain recursion still cannot finish"),
        Case("edge-greedy-fails", {"coins": [1, 3, 4], "amount": 6}, note="3 + 3 beats 4 + 1 + 1"),
        Case("edge-greedy-stuck", {"coins": [5, 7], "amount": 10}, note="greedy takes a 7 and is stuck at 3; 5 + 5 works"),
        Case("edge-greedy-dead-end", {"coins": [186, 419, 83, 408], "amount": 6249}),
        Case("edge-single-divides", {"coins": [7], "amount": 49}),
        Case("edge-unreachable", {"coins": [4, 6], "amount": 9}, note="only even amounts are reachable"),
        Case("edge-coin-bigger", {"coins": [10, 20], "amount": 5}),
        Case("edge-large-amount", {"coins": [2, 7, 13, 29], "amount": 10000}),
    ]
    for k in range(8):
        coins = sorted({int(c) for c in rng.integers(1, 60, size=int(rng.integers(1, 6)))})
        out.append(Case(f"random-{k + 1}", {"coins": coins, "amount": int(rng.integers(0, 500))}))
    for k in range(2):
        coins = sorted({int(c) for c in rng.integers(2, 400, size=int(rng.integers(3, 12)))})
        out.append(Case(f"random-large-{k + 1}", {"coins": coins, "amount": int(rng.integers(5000, 10001))},
                        note="up to 12 coins, amounts up to 10000"))
    return out
