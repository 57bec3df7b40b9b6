"""Cases for binary-tree-maximum-path-sum: the examples, a single negative node, all-negative trees,
negative branches that must be cut, the best path away from the root, chains and deep trees of
3 * 10^4 nodes (recursion depth 3 * 10^4), and random trees with mixed signs."""

import numpy as np

from mianjing.judge.structures import TreeNode
from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, complete, deep_shape, fill, level_order, random_shape, random_values

MAX_NODES = 30_000


def _tree(root, values):
    return level_order(fill(root, values))


def _mixed(rng, shape, n, lo=-1000, hi=1000):
    return _tree(shape, random_values(rng, n, lo, hi))


def cases(rng: np.random.Generator) -> list[Case]:
    # the best path (4 -> 9 -> 5) sits in the left subtree, under a very negative root
    low_turn = TreeNode(-1000, TreeNode(9, TreeNode(4), TreeNode(5)), TreeNode(-1000))
    out = [
        Case("example-1", {"root": [2, -1, 3]}, hidden=False),
        Case("example-2", {"root": [-5, 8, 12, None, None, 4, 6]}, hidden=False),
        Case("example-3", {"root": [-7]}, hidden=False),
        Case("edge-all-negative", {"root": _mixed(rng, random_shape(rng, 50), 50, -1000, -1)}, note="50 nodes, all negative"),
        Case("edge-negative-pair", {"root": [-2, -1]}, note="the best path is the single node -1"),
        Case("edge-cut-branches", {"root": [5, -8, 6, 3, None, -1, 2]}, note="negative children that must be left out"),
        Case("edge-low-turn", {"root": level_order(low_turn)}, note="the best path turns below a very negative root"),
        Case("edge-zigzag", {"root": _mixed(rng, chain(MAX_NODES, "zigzag"), MAX_NODES)}, note="3 * 10^4 nodes, one child each"),
        Case("edge-positive-chain", {"root": _tree(chain(5000, "left"), [1000] * 5000)}, note="5000 nodes of 1000: the whole chain"),
        Case("edge-complete", {"root": _mixed(rng, complete(MAX_NODES), MAX_NODES)}, note="complete tree of 3 * 10^4 nodes"),
        Case("edge-deep", {"root": _mixed(rng, deep_shape(rng, 10_000, 5000), 10_000, -10, 10)}, note="10^4 nodes around a 5000-node path"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 300))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9])))
        lo = -1000 if k % 2 else -20  # mostly negative values make the cutting matter
        out.append(Case(f"random-{k + 1}", {"root": _mixed(rng, shape, n, lo, 10)}))
    return out
