"""Cases for diameter-of-binary-tree: the examples, a single node, paths that do not pass through the
root, 10^4-node chains (recursion depth 10^4), random trees, and a complexity series of deep trees
(a long random spine with branches) on which recomputing heights at every node is quadratic."""

import numpy as np

from mianjing.judge.structures import TreeNode
from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, complete, deep_shape, fill, level_order, random_shape, random_values


def _tree(root, rng):
    n = sum(v is not None for v in level_order(root))
    return level_order(fill(root, random_values(rng, n, -100, 100)))


def cases(rng: np.random.Generator) -> list[Case]:
    # the root's only child is where the longest path turns: 4 edges below it, 1 above
    off_root = TreeNode(1, TreeNode(2, chain(2, "left"), chain(2, "right")))
    bend_low = TreeNode(0, TreeNode(1), TreeNode(2, chain(5, "left"), chain(5, "right")))
    out = [
        Case("example-1", {"root": [6, 3, 9, 1, 4, None, None, None, None, 5]}, hidden=False),
        Case("example-2", {"root": [2, 7]}, hidden=False),
        Case("example-3", {"root": [10, 20, None, 30, 40, 50, None, None, 60]}, hidden=False),
        Case("edge-single", {"root": [0]}),
        Case("edge-off-root", {"root": _tree(off_root, rng)}, note="the longest path avoids the root"),
        Case("edge-bend-low", {"root": _tree(bend_low, rng)}, note="the longest path turns two levels down"),
        Case("edge-left-chain", {"root": _tree(chain(10_000, "left"), rng)}, note="10^4 nodes in a left chain"),
        Case("edge-zigzag", {"root": _tree(chain(10_000, "zigzag"), rng)}, note="10^4 nodes, one child each"),
        Case("edge-complete", {"root": _tree(complete(10_000), rng)}, note="complete tree of 10^4 nodes"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 300))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9]))) if k % 2 else deep_shape(rng, n, n // 3)
        out.append(Case(f"random-{k + 1}", {"root": _tree(shape, rng)}))
    for k, n in enumerate((1250, 2500, 5000, 10_000)):
        out.append(Case(f"large-{k + 1}", {"root": _tree(deep_shape(rng, n, n // 2), rng)}, size=n,
                        note=f"{n} nodes around a path of {n // 2}"))
    return out
