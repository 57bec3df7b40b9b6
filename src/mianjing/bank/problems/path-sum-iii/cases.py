"""Cases for path-sum-iii: the examples, target 0 with zero values (empty paths must not count),
negative values, values of +-10^9, a 10^4-node chain, random trees with small values (many
matching paths), and a complexity series of deep trees on which a walk from every node is quadratic."""

import numpy as np

from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, deep_shape, fill, level_order, random_shape, random_values


def _tree(root, values):
    return level_order(fill(root, values))


def _small(rng, shape, n):
    return _tree(shape, random_values(rng, n, -3, 3))


def cases(rng: np.random.Generator) -> list[Case]:
    big = 10**9
    out = [
        Case("example-1", {"root": [4, 2, -1, 1, 3, None, 5], "target_sum": 5}, hidden=False),
        Case("example-2", {"root": [3, -2, 1, 2, None, None, -1], "target_sum": 1}, hidden=False),
        Case("example-3", {"root": [0, 0, 0], "target_sum": 0}, hidden=False),
        Case("edge-empty", {"root": [], "target_sum": 0}),
        Case("edge-single-match", {"root": [-7], "target_sum": -7}),
        Case("edge-single-miss", {"root": [7], "target_sum": 0}),
        Case("edge-negative", {"root": [-2, None, -3, -1, 4], "target_sum": -5}),
        Case("edge-huge-values", {"root": [big, -big, big, big, -big, -big, 1000], "target_sum": 1000},
             note="values of +-10^9 cancelling out"),
        Case("edge-zero-chain", {"root": _tree(chain(1000, "left"), [0] * 1000), "target_sum": 0},
             note="1000 zeros in a chain: every one of the 500500 downward paths counts"),
        Case("edge-long-chain", {"root": _small(rng, chain(10_000, "zigzag"), 10_000), "target_sum": 2},
             note="10^4 nodes, one child each"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 300))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9])))
        out.append(Case(f"random-{k + 1}", {"root": _small(rng, shape, n), "target_sum": int(rng.integers(-4, 5))}))
    for k, n in enumerate((1250, 2500, 5000, 10_000)):
        out.append(Case(f"large-{k + 1}", {"root": _small(rng, deep_shape(rng, n, n // 2), n), "target_sum": int(rng.integers(-3, 4))},
                        size=n, note=f"{n} nodes around a path of {n // 2}"))
    return out
