"""Cases for find-median-from-data-stream: the example, a single number, even and odd counts,
negatives (where floor division rounds the wrong way), duplicates, increasing and decreasing
streams, random streams with a query after every number, and a complexity series of long generated
streams (generated inside the harness from a seed, so they cost no transfer time)."""

import numpy as np

from mianjing.problems.case import Case


def _explicit(values: list[int], query_every: int = 1) -> dict:
    ops, args = [], []
    for i, v in enumerate(values):
        ops.append("addNum")
        args.append([v])
        if (i + 1) % query_every == 0:
            ops.append("findMedian")
            args.append([])
    return {"ops": ops, "args": args}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"ops": ["addNum", "addNum", "findMedian", "addNum", "findMedian"],
                           "args": [[6], [3], [], [10], []]}, hidden=False),
        Case("edge-single", _explicit([-5])),
        Case("edge-two-negatives", _explicit([-3, -2]), note="median -2.5: floor division gives -3"),
        Case("edge-duplicates", _explicit([4, 4, 4, 1, 4])),
        Case("edge-increasing", _explicit(list(range(1, 12)))),
        Case("edge-decreasing", _explicit(list(range(10, -1, -1)))),
        Case("edge-extremes", _explicit([10**5, -(10**5), 10**5, -(10**5)])),
        Case("edge-zigzag", _explicit([1, 100, 2, 99, 3, 98, 4])),
    ]
    for k in range(8):
        n = int(rng.integers(1, 60))
        out.append(Case(f"random-{k + 1}", _explicit([int(v) for v in rng.integers(-50, 51, size=n)])))
    for k, n in enumerate((25_000, 50_000, 100_000, 200_000)):
        gen = {"n": n, "lo": -(10**5), "hi": 10**5, "query_every": 5, "seed": int(rng.integers(0, 2**31))}
        out.append(Case(f"large-{k + 1}", {"generate": gen}, size=n, note=f"{n} numbers, a median every 5"))
    return out
