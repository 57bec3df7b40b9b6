"""Cases for jump-game: the examples, one element, a 0 that must be jumped over, a 0 that blocks,
a trap for always-take-the-longest-jump, unreachable indices that would extend the reach, random
arrays, and a complexity series with long jumps."""

import numpy as np

from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [1, 2, 0, 1, 3]}, hidden=False),
        Case("example-2", {"nums": [2, 1, 0, 3]}, hidden=False),
        Case("edge-one", {"nums": [0]}, note="already at the last index"),
        Case("edge-jump-over-zero", {"nums": [2, 0, 0]}),
        Case("edge-blocking-zero", {"nums": [1, 0, 1]}),
        Case("edge-longest-jump-trap", {"nums": [2, 5, 0, 0, 0, 1]}, note="jumping 2 lands on a 0; jumping 1 then 5 works"),
        Case("edge-unreachable-far-jump", {"nums": [1, 0, 9, 1, 1]}, note="the 9 would reach the end, but index 2 is unreachable"),
        Case("edge-exact", {"nums": [1, 1, 1, 1]}),
    ]
    for k in range(10):
        n = int(rng.integers(1, 40))
        out.append(Case(f"random-{k + 1}", {"nums": [int(v) for v in rng.integers(0, 4, size=n)]}))
    for k, n in enumerate((2_500, 5_000, 10_000, 20_000)):
        # long jumps everywhere, a blocking run of zeros near the end: no early exit for anyone
        nums = [int(v) for v in rng.integers(n // 4, n // 2, size=n)]
        nums[-(n // 2) - 2:-1] = [0] * (n // 2 + 1)
        out.append(Case(f"large-{k + 1}", {"nums": nums}, size=n, note=f"{n} long jumps"))
    return out
