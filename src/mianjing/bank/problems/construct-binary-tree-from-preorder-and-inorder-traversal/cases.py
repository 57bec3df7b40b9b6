"""Cases for construct-binary-tree-from-preorder-and-inorder-traversal: the examples, one and two
nodes, chains and zigzags of 3000 nodes (recursion depth 3000), a complete tree, and random trees
with distinct values in [-3000, 3000]."""

import numpy as np

from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, complete, deep_shape, fill, nodes_inorder, nodes_preorder, random_shape


def _traversals(rng, shape):
    n = len(nodes_preorder(shape))
    values = [int(v) for v in rng.choice(np.arange(-3000, 3001), size=n, replace=False)]
    root = fill(shape, values)
    return {"preorder": [x.val for x in nodes_preorder(root)], "inorder": [x.val for x in nodes_inorder(root)]}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"preorder": [4, 2, 3, 7, 6], "inorder": [2, 3, 4, 6, 7]}, hidden=False),
        Case("example-2", {"preorder": [5], "inorder": [5]}, hidden=False),
        Case("example-3", {"preorder": [1, 2, 4, 5, 3, 6], "inorder": [4, 2, 5, 1, 3, 6]}, hidden=False),
        Case("edge-left-child", {"preorder": [2, 1], "inorder": [1, 2]}),
        Case("edge-right-child", {"preorder": [1, 2], "inorder": [1, 2]}),
        Case("edge-right-chain", _traversals(rng, chain(3000, "right")), note="3000 nodes in a right chain"),
        Case("edge-left-chain", _traversals(rng, chain(3000, "left")), note="3000 nodes in a left chain"),
        Case("edge-zigzag", _traversals(rng, chain(3000, "zigzag")), note="3000 nodes, one child each, alternating sides"),
        Case("edge-complete", _traversals(rng, complete(3000)), note="complete tree of 3000 nodes"),
        Case("edge-deep", _traversals(rng, deep_shape(rng, 3000, 1500)), note="3000 nodes around a 1500-node path"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 300))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9])))
        out.append(Case(f"random-{k + 1}", _traversals(rng, shape)))
    return out
