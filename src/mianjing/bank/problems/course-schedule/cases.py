"""Cases for course-schedule: the examples, no prerequisites, a self-loop, a long cycle, a diamond
(two courses sharing a prerequisite, no cycle), a cycle behind a valid part, random DAGs with and
without an added back edge, and a layered DAG where re-exploring shared prerequisites is
exponential."""

import numpy as np

from mianjing.problems.case import Case


def _dag(rng: np.random.Generator, n: int, m: int) -> list[list[int]]:
    """m random prerequisite pairs respecting a random order of the n courses (so no cycle)."""
    order = [int(v) for v in rng.permutation(n)]
    m = min(m, n * (n - 1) // 2)  # no more pairs than the order allows
    pairs = set()
    while len(pairs) < m and n > 1:
        i, j = sorted(int(v) for v in rng.choice(n, size=2, replace=False))
        pairs.add((order[j], order[i]))  # order[i] comes first
    return [list(p) for p in sorted(pairs)]


def _layers(width: int, depth: int) -> tuple[int, list[list[int]]]:
    """depth layers of `width` courses; every course needs every course of the layer below."""
    pairs = []
    for d in range(1, depth):
        for a in range(width):
            for b in range(width):
                pairs.append([d * width + a, (d - 1) * width + b])
    return width * depth, pairs


def cases(rng: np.random.Generator) -> list[Case]:
    layered_n, layered = _layers(3, 18)
    out = [
        Case("example-1", {"num_courses": 3, "prerequisites": [[2, 0], [2, 1]]}, hidden=False),
        Case("example-2", {"num_courses": 3, "prerequisites": [[0, 1], [1, 2], [2, 0]]}, hidden=False),
        Case("edge-no-prerequisites", {"num_courses": 5, "prerequisites": []}),
        Case("edge-self-loop", {"num_courses": 3, "prerequisites": [[1, 1]]}),
        Case("edge-long-cycle", {"num_courses": 4, "prerequisites": [[1, 0], [2, 1], [3, 2], [0, 3]]}),
        Case("edge-diamond", {"num_courses": 4, "prerequisites": [[1, 0], [2, 0], [3, 1], [3, 2]]}, note="shared prerequisite, no cycle"),
        Case("edge-cycle-behind", {"num_courses": 5, "prerequisites": [[1, 0], [2, 1], [3, 2], [4, 3], [2, 4]]}),
        Case("edge-layered", {"num_courses": layered_n, "prerequisites": layered}, note="18 layers of 3, every course needs the whole layer below"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 30))
        pairs = _dag(rng, n, int(rng.integers(0, n * 2)))
        if k % 2 == 1 and pairs:  # close a cycle by reversing a path's direction
            a, b = pairs[int(rng.integers(0, len(pairs)))]
            pairs.append([b, a])
        out.append(Case(f"random-{k + 1}", {"num_courses": n, "prerequisites": pairs}))
    out.append(Case("large-dag", {"num_courses": 2000, "prerequisites": _dag(rng, 2000, 5000)}, note="2000 courses, 5000 pairs"))
    big = _dag(rng, 2000, 4999)
    a, b = big[0]
    out.append(Case("large-one-cycle", {"num_courses": 2000, "prerequisites": big + [[b, a]]}, note="2000 courses, one cycle"))
    return out
