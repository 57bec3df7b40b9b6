"""Cases for binary-tree-level-order-traversal: the examples, chains (one node per level, up to 2000
levels), a complete tree, levels with gaps, and random trees up to the 2000-node limit."""

import numpy as np

from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, complete, deep_shape, fill, level_order, random_shape, random_values


def _tree(root, rng):
    n = sum(v is not None for v in level_order(root))
    return level_order(fill(root, random_values(rng, n, -1000, 1000)))


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"root": [1, 2, 3, 4, None, None, 5]}, hidden=False),
        Case("example-2", {"root": [8]}, hidden=False),
        Case("example-3", {"root": []}, hidden=False),
        Case("edge-gaps", {"root": [1, 2, 3, None, 4, 5, None, 6, None, None, 7]}, note="levels with missing nodes in the middle"),
        Case("edge-left-chain", {"root": _tree(chain(2000, "left"), rng)}, note="2000 levels of one node"),
        Case("edge-zigzag", {"root": _tree(chain(2000, "zigzag"), rng)}, note="2000 levels, one node each, alternating sides"),
        Case("edge-complete", {"root": _tree(complete(2000), rng)}, note="complete tree of 2000 nodes"),
        Case("edge-deep-branches", {"root": _tree(deep_shape(rng, 2000, 1000), rng)}, note="2000 nodes around a 1000-node path"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 300))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9])))
        out.append(Case(f"random-{k + 1}", {"root": _tree(shape, rng)}))
    return out
