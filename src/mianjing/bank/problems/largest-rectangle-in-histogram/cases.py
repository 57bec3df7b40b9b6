"""Cases for largest-rectangle-in-histogram: the examples, one bar, zeros, equal bars, increasing
and decreasing bars, a rectangle that reaches the right edge, a valley, random histograms, and a
complexity series of equal-height plateaus (the worst case for expanding around every bar)."""

import numpy as np

from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"heights": [4, 1, 6, 7, 3, 2]}, hidden=False),
        Case("example-2", {"heights": [3, 6]}, hidden=False),
        Case("edge-one-bar", {"heights": [7]}),
        Case("edge-zeros", {"heights": [0, 0, 0]}),
        Case("edge-equal", {"heights": [3, 3, 3, 3]}),
        Case("edge-increasing", {"heights": [1, 2, 3, 4, 5]}, note="the best rectangle reaches the right edge"),
        Case("edge-decreasing", {"heights": [5, 4, 3, 2, 1]}),
        Case("edge-middle-height", {"heights": [2, 4, 4, 4, 1, 6]}, note="neither the tallest bar nor the full width"),
        Case("edge-valley", {"heights": [6, 2, 5, 4, 5, 1, 6]}),
        Case("edge-big", {"heights": [10**4] * 5 + [1]}),
    ]
    for k in range(8):
        n = int(rng.integers(1, 60))
        out.append(Case(f"random-{k + 1}", {"heights": [int(v) for v in rng.integers(0, 10 if k < 4 else 10**4 + 1, size=n)]}))
    for k, n in enumerate((6_250, 12_500, 25_000, 50_000)):
        # long plateaus of equal height: expanding from each bar walks the whole plateau
        heights = [int(h) for h in np.repeat(rng.integers(1, 10**4, size=4), n // 4)]
        out.append(Case(f"large-{k + 1}", {"heights": heights}, size=n, note=f"{n} bars in 4 plateaus"))
    return out
