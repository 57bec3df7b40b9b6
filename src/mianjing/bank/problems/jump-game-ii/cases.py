"""Cases for jump-game-ii: the examples, one element, a single jump to the end, a trap for the
longest jump, ones everywhere, random arrays whose end is reachable, and a complexity series with
long jumps."""

import numpy as np

from mianjing.problems.case import Case


def _reachable(rng: np.random.Generator, n: int, hi: int) -> list[int]:
    """Random jumps of 1..hi, so the end is always reachable (no zeros except maybe the last)."""
    nums = [int(v) for v in rng.integers(1, hi + 1, size=n)]
    nums[-1] = int(rng.integers(0, hi + 1))
    return nums


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [3, 1, 4, 1, 1, 1]}, hidden=False),
        Case("example-2", {"nums": [2, 4, 0, 1, 1, 3]}, hidden=False),
        Case("edge-one", {"nums": [0]}, note="already at the end: 0 jumps"),
        Case("edge-one-jump", {"nums": [5, 0, 0, 0, 0, 0]}),
        Case("edge-longest-jump-trap", {"nums": [3, 1, 4, 1, 1, 1, 1, 1]}, note="the longest first jump then ones takes 5 jumps; through the 4 it takes 3"),
        Case("edge-all-ones", {"nums": [1] * 12}),
        Case("edge-exact-layers", {"nums": [1, 2, 1, 1, 1]}),
    ]
    for k in range(10):
        out.append(Case(f"random-{k + 1}", {"nums": _reachable(rng, int(rng.integers(1, 40)), 4 if k < 5 else 10)}))
    for k, n in enumerate((2_500, 5_000, 10_000, 20_000)):
        out.append(Case(f"large-{k + 1}", {"nums": _reachable(rng, n, n // 8)}, size=n, note=f"{n} entries, jumps up to n/8"))
    return out
