"""Cases for climbing-stairs: the examples, the smallest n, small n around the base cases, large n
(exact big answers; plain recursion cannot finish), and random n."""

import numpy as np

from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"n": 4}, hidden=False),
        Case("example-2", {"n": 1}, hidden=False),
        Case("edge-one", {"n": 1}),
        Case("edge-four", {"n": 4}),
        Case("edge-five", {"n": 5}),
        Case("edge-forty-five", {"n": 45}, note="LeetCode's largest n: 1836311903 ways"),
        Case("edge-largest", {"n": 1000}, note="an answer of 209 digits"),
    ]
    for k in range(6):
        out.append(Case(f"random-{k + 1}", {"n": int(rng.integers(1, 30 if k < 3 else 1001))}))
    return out
