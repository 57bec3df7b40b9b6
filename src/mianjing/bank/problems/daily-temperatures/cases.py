"""Cases for daily-temperatures: the examples, one day, equal temperatures (not warmer), a falling
then rising series, random series, and a complexity series that falls almost all the way (the
worst case for scanning forward)."""

import numpy as np

from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"temperatures": [68, 70, 69, 66, 71, 75, 72, 72]}, hidden=False),
        Case("example-2", {"temperatures": [41, 47, 52, 58]}, hidden=False),
        Case("example-3", {"temperatures": [10, 25, 40]}, hidden=False),
        Case("edge-one-day", {"temperatures": [50]}),
        Case("edge-equal", {"temperatures": [70, 70, 70, 71]}, note="equal days are not warmer"),
        Case("edge-falling", {"temperatures": [90, 80, 70, 60]}),
        Case("edge-valley", {"temperatures": [60, 50, 40, 50, 61]}),
        Case("edge-bounds", {"temperatures": [30, 100, 30, 100]}),
    ]
    for k in range(8):
        n = int(rng.integers(1, 60))
        out.append(Case(f"random-{k + 1}", {"temperatures": [int(v) for v in rng.integers(30, 101 if k > 3 else 35, size=n)]}))
    for k, n in enumerate((6_250, 12_500, 25_000, 50_000)):
        # a slow fall with small noise: warmer days are rare and far; one hot day at the very end
        temps = [max(30, min(99, 99 - (70 * i) // n + int(rng.integers(-1, 2)))) for i in range(n - 1)] + [100]
        out.append(Case(f"large-{k + 1}", {"temperatures": temps}, size=n, note=f"{n} days, mostly falling"))
    return out
