"""Cases for perfect-squares: the examples, 1, perfect squares, sums of two squares, numbers of the
form 4^a(8b + 7) (which need four), greedy traps, the largest n, and random n."""

import numpy as np

from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"n": 18}, hidden=False),
        Case("example-2", {"n": 7}, hidden=False),
        Case("edge-exponential", {"n": 60}, note="plain recursion already branches too much"),
        Case("edge-one", {"n": 1}),
        Case("edge-square", {"n": 10000}, note="a perfect square"),
        Case("edge-four-needed", {"n": 7}, note="7 = 4 + 1 + 1 + 1"),
        Case("edge-four-needed-large", {"n": 4 * (8 * 31 + 7)}, note="of the form 4^a(8b + 7)"),
        Case("edge-greedy-trap", {"n": 32}, note="greedy: 25 + 4 + 1 + 1 + 1; best: 16 + 16"),
        Case("edge-largest", {"n": 10000 - 1}),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", {"n": int(rng.integers(1, 10001))}))
    return out
