"""Cases for maximum-depth-of-binary-tree: the examples, empty and single-node trees, 10^4-node
chains (left, right, zigzag: recursion depth 10^4), a deep branch on the right only, a complete tree,
and random trees, bushy and deep."""

import numpy as np

from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, complete, fill, level_order, random_shape, random_values

MAX_NODES = 10_000


def _tree(root, rng):
    n = sum(v is not None for v in level_order(root))
    return level_order(fill(root, random_values(rng, n, -100, 100)))


def cases(rng: np.random.Generator) -> list[Case]:
    from mianjing.judge.structures import TreeNode

    right_deep = TreeNode(1, TreeNode(2), chain(8, "right"))  # the deeper side is the right one
    out = [
        Case("example-1", {"root": [8, 4, 12, None, 6, None, None, 5]}, hidden=False),
        Case("example-2", {"root": [6, 1]}, hidden=False),
        Case("example-3", {"root": []}, hidden=False),
        Case("edge-single", {"root": [0]}),
        Case("edge-right-deeper", {"root": _tree(right_deep, rng)}, note="a short left branch, a long right one"),
        Case("edge-left-chain", {"root": _tree(chain(MAX_NODES, "left"), rng)}, note="10^4 nodes in a left chain"),
        Case("edge-right-chain", {"root": _tree(chain(MAX_NODES, "right"), rng)}, note="10^4 nodes in a right chain"),
        Case("edge-zigzag", {"root": _tree(chain(MAX_NODES, "zigzag"), rng)}, note="10^4 nodes, one child each, alternating sides"),
        Case("edge-complete", {"root": _tree(complete(MAX_NODES), rng)}, note="complete tree of 10^4 nodes"),
        Case("edge-deep-random", {"root": _tree(random_shape(rng, MAX_NODES, depth_bias=0.95), rng)}, note="10^4 nodes, long paths"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 200))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9])))
        out.append(Case(f"random-{k + 1}", {"root": _tree(shape, rng)}))
    return out
