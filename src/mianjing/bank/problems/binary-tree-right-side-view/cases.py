"""Cases for binary-tree-right-side-view: the examples, a left side deeper than the right (visible
left nodes), chains and zigzags of 100 nodes, a complete tree and random trees up to 100 nodes."""

import numpy as np

from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, complete, fill, level_order, random_shape, random_values


def _tree(root, rng):
    n = sum(v is not None for v in level_order(root))
    return level_order(fill(root, random_values(rng, n, -100, 100)))


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"root": [6, 2, 8, 1, 4]}, hidden=False),
        Case("example-2", {"root": [9, 4]}, hidden=False),
        Case("example-3", {"root": []}, hidden=False),
        Case("example-4", {"root": [5, 3, 8, 2]}, hidden=False),
        Case("edge-single", {"root": [7]}),
        Case("edge-left-chain", {"root": _tree(chain(100, "left"), rng)}, note="100 nodes in a left chain: all visible"),
        Case("edge-zigzag", {"root": _tree(chain(100, "zigzag"), rng)}, note="one child per node, alternating sides"),
        Case("edge-complete", {"root": _tree(complete(100), rng)}, note="complete tree of 100 nodes"),
        Case("edge-left-deeper", {"root": [1, 2, 3, 4, None, None, None, 5, 6]}, note="the left subtree is two levels deeper"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 101))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9])))
        out.append(Case(f"random-{k + 1}", {"root": _tree(shape, rng)}))
    return out
