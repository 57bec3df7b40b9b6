"""Cases for kth-smallest-element-in-a-bst: the examples, k = 1 and k = n, chains and zigzags of 10^4
nodes, random search trees, and a complexity series of left chains where the answer sits at the
bottom: walking there is O(n), recounting left subtrees on the way is O(n^2)."""

import numpy as np

from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, deep_shape, fill, level_order, nodes_inorder, random_shape


def _bst(rng, shape):
    """Distinct values 0..10^4 written into the shape in inorder: a search tree."""
    n = len(nodes_inorder(shape))
    values = sorted(int(v) for v in rng.choice(10_001, size=n, replace=False))
    return level_order(fill(shape, values, order="in"))


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"root": [7, 3, 9, 1, 5], "k": 2}, hidden=False),
        Case("example-2", {"root": [7, 3, 9, 1, 5], "k": 5}, hidden=False),
        Case("example-3", {"root": [4, 2, None, 1, 3], "k": 4}, hidden=False),
        Case("edge-single", {"root": [0], "k": 1}),
        Case("edge-root-is-answer", {"root": [2, 1, 3], "k": 2}),
        Case("edge-right-chain-last", {"root": _bst(rng, chain(10_000, "right")), "k": 10_000}, note="10^4-node right chain, k = n"),
        Case("edge-left-chain-last", {"root": _bst(rng, chain(10_000, "left")), "k": 10_000}, note="10^4-node left chain, k = n"),
        Case("edge-zigzag", {"root": _bst(rng, chain(10_000, "zigzag")), "k": int(rng.integers(1, 10_001))}, note="10^4 nodes, one child each"),
        Case("edge-deep", {"root": _bst(rng, deep_shape(rng, 10_000, 5000)), "k": int(rng.integers(1, 10_001))}, note="10^4 nodes around a 5000-node path"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 300))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9])))
        out.append(Case(f"random-{k + 1}", {"root": _bst(rng, shape), "k": int(rng.integers(1, n + 1))}))
    for k, n in enumerate((1250, 2500, 5000, 10_000)):
        out.append(Case(f"large-{k + 1}", {"root": _bst(rng, chain(n, "left")), "k": int(rng.integers(1, 6))}, size=n,
                        note=f"{n}-node left chain, k <= 5"))
    return out
