"""Cases for validate-binary-search-tree: the examples, violations deep below an ancestor (not
visible between a parent and its child), equal values, the extremes -2^31 and 2^31 - 1, chains and
zigzags of 10^4 nodes (recursion depth 10^4), and random search trees, valid or with one change."""

import numpy as np

from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, deep_shape, fill, level_order, nodes_inorder, random_shape

LO, HI = -(2**31), 2**31 - 1


def _unique_sorted(rng, n):
    values = set()
    while len(values) < n:
        values.update(int(v) for v in rng.integers(LO, HI, size=n - len(values), endpoint=True))
    return sorted(values)


def _bst(rng, shape):
    n = len(nodes_inorder(shape))
    return fill(shape, _unique_sorted(rng, n), order="in")


def _break(rng, root, how):
    """Make the search tree invalid in one place: swap two values, or copy a neighbour's value."""
    nodes = nodes_inorder(root)
    i = int(rng.integers(0, len(nodes) - 1))
    if how == "swap":
        j = int(rng.integers(i + 1, len(nodes)))
        nodes[i].val, nodes[j].val = nodes[j].val, nodes[i].val
    else:  # equal to its inorder successor: the order is no longer strict
        nodes[i].val = nodes[i + 1].val
    return root


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"root": [8, 3, 10]}, hidden=False),
        Case("example-2", {"root": [6, 2, 5]}, hidden=False),
        Case("example-3", {"root": [10, 5, 15, None, None, 6, 20]}, hidden=False),
        Case("edge-single", {"root": [0]}),
        Case("edge-equal-child", {"root": [1, 1]}, note="a left child equal to its parent"),
        Case("edge-all-equal", {"root": [2, 2, 2]}),
        Case("edge-min", {"root": [LO]}, note="a single node holding -2^31"),
        Case("edge-max", {"root": [HI]}, note="a single node holding 2^31 - 1"),
        Case("edge-extremes", {"root": [0, LO, HI]}, note="both extremes of the value range, valid"),
        Case("edge-deep-right-violation", {"root": [10, 5, 15, None, None, 11, 20, 9]}, note="a value below the root deep in its right subtree"),
        Case("edge-increasing-chain", {"root": level_order(fill(chain(10_000, "right"), range(10_000)))}, note="10^4 nodes, a valid right chain"),
        Case("edge-zigzag", {"root": level_order(_bst(rng, chain(10_000, "zigzag")))}, note="10^4 nodes, one child each, valid"),
        Case("edge-zigzag-broken", {"root": level_order(_break(rng, _bst(rng, chain(10_000, "zigzag")), "swap"))}, note="10^4 nodes, two values swapped"),
        Case("edge-deep-valid", {"root": level_order(_bst(rng, deep_shape(rng, 10_000, 5000)))}, note="10^4 nodes around a 5000-node path"),
    ]
    for k in range(10):
        n = int(rng.integers(3, 300))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9])))
        root = _bst(rng, shape)
        if k % 3 == 1:
            root = _break(rng, root, "swap")
        elif k % 3 == 2:
            root = _break(rng, root, "equal")
        out.append(Case(f"random-{k + 1}", {"root": level_order(root)}))
    return out
