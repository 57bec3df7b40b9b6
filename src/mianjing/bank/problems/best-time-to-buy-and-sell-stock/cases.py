"""Cases for best-time-to-buy-and-sell-stock: the examples, one day, falling and flat prices, the
maximum before the minimum, a rise spread over many days, random series, and a complexity series."""

import numpy as np

from mianjing.problems.case import Case


def _prices(rng: np.random.Generator, n: int, hi: int = 10**4) -> list[int]:
    return [int(v) for v in rng.integers(0, hi + 1, size=n)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"prices": [8, 3, 6, 2, 9, 5]}, hidden=False),
        Case("example-2", {"prices": [9, 8, 5, 2]}, hidden=False),
        Case("edge-one-day", {"prices": [5]}),
        Case("edge-flat", {"prices": [3, 3, 3, 3]}),
        Case("edge-max-before-min", {"prices": [9, 2, 4, 1]}, note="the highest price comes before the lowest"),
        Case("edge-slow-rise", {"prices": [1, 2, 3, 4, 5, 6]}, note="the gain is spread over many days"),
        Case("edge-late-dip", {"prices": [3, 8, 1, 6]}, note="buy at 3 sell at 8 beats buy at 1 sell at 6"),
        Case("edge-extremes", {"prices": [10**4, 0, 10**4]}),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", {"prices": _prices(rng, int(rng.integers(1, 50)), 20 if k < 4 else 10**4)}))
    for k, n in enumerate((6_250, 12_500, 25_000, 50_000)):
        out.append(Case(f"large-{k + 1}", {"prices": _prices(rng, n)}, size=n, note=f"{n} days"))
    return out
