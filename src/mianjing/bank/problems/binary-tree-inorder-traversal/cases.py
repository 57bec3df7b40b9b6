"""Cases for binary-tree-inorder-traversal: the examples, empty and single-node trees, chains on
either side and zigzag (where a wrong visiting order or a one-child node shows), complete trees,
duplicate values, and random trees up to the 100-node limit."""

import numpy as np

from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, complete, fill, level_order, random_shape, random_values


def _tree(root, values):
    return level_order(fill(root, values))


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"root": [5, None, 8, 6]}, hidden=False),
        Case("example-2", {"root": []}, hidden=False),
        Case("example-3", {"root": [7]}, hidden=False),
        Case("example-4", {"root": [4, 2, 6, 1, 3, 5, 7]}, hidden=False),
        Case("edge-left-chain", {"root": _tree(chain(100, "left"), range(100))}, note="100 nodes, each the left child of the one before"),
        Case("edge-right-chain", {"root": _tree(chain(100, "right"), range(100))}, note="100 nodes, each the right child of the one before"),
        Case("edge-zigzag", {"root": _tree(chain(61, "zigzag"), random_values(rng, 61, -100, 100))}, note="one child per node, alternating sides"),
        Case("edge-complete", {"root": _tree(complete(100), random_values(rng, 100, -100, 100))}, note="complete tree of 100 nodes"),
        Case("edge-equal-values", {"root": _tree(random_shape(rng, 30), [0] * 30)}, note="30 nodes, all 0"),
        Case("edge-extremes", {"root": [-100, 100, -100, None, 100]}, note="values at both ends of the range"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 101))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9])))
        out.append(Case(f"random-{k + 1}", {"root": _tree(shape, random_values(rng, n, -100, 100))}))
    return out
