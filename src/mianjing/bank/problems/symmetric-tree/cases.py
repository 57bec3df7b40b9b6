"""Cases for symmetric-tree: the examples, a single node, trees whose inorder list is a palindrome
without being symmetric, subtrees that are each symmetric but not mirrors, deep mirrored chains
(recursion depth 500), and random symmetric trees, untouched or with one value or one leaf changed."""

import numpy as np

from mianjing.judge.structures import TreeNode
from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, fill, level_order, nodes_preorder, random_shape, random_values


def _mirror_copy(node):
    if node is None:
        return None
    return TreeNode(node.val, _mirror_copy(node.right), _mirror_copy(node.left))


def _symmetric(rng, half):
    """A root whose right subtree is the mirror image of `half` (values kept)."""
    return TreeNode(int(rng.integers(-100, 101)), half, _mirror_copy(half))


def _half(rng, n, bias):
    root = random_shape(rng, n, depth_bias=bias)
    return fill(root, random_values(rng, n, -3, 3))  # few distinct values: near misses are likely


def _change_value(rng, root):
    nodes = nodes_preorder(root.right)
    node = nodes[int(rng.integers(0, len(nodes)))]
    node.val = node.val + 1 if node.val < 100 else node.val - 1
    return root


def _drop_leaf(rng, root):
    parents = [n for n in nodes_preorder(root.left) if (n.left and not n.left.left and not n.left.right)]
    if parents:
        parents[int(rng.integers(0, len(parents)))].left = None
    else:
        root.left = None
    return root


def cases(rng: np.random.Generator) -> list[Case]:
    deep_half = fill(chain(499, "zigzag"), random_values(rng, 499, -100, 100))
    out = [
        Case("example-1", {"root": [7, 4, 4, 1, None, None, 1]}, hidden=False),
        Case("example-2", {"root": [7, 4, 4, 1, None, 1]}, hidden=False),
        Case("example-3", {"root": [8, 5, 5, 5, None, 5]}, hidden=False),
        Case("edge-single", {"root": [0]}),
        Case("edge-one-child", {"root": [1, 2]}, note="a root with only a left child"),
        Case("edge-sides-symmetric-not-mirrored", {"root": [1, 2, 3, 4, 4, 5, 5]}, note="each subtree symmetric, the two differ"),
        Case("edge-same-not-mirrored", {"root": [1, 2, 2, 3, 4, 3, 4]}, note="the right subtree is a copy of the left, not its mirror"),
        Case("edge-shape-only", {"root": [1, 2, 3]}, note="mirrored shape, different values"),
        Case("edge-deep-symmetric", {"root": level_order(_symmetric(rng, deep_half))}, note="999 nodes: two mirrored zigzag chains"),
        Case("edge-deep-near-miss", {"root": level_order(_change_value(rng, _symmetric(rng, deep_half)))}, note="999 nodes, one value differs deep down"),
        Case("edge-chain", {"root": level_order(fill(chain(1000, "left"), [5] * 1000))}, note="1000 equal values in a left chain"),
    ]
    for k in range(9):
        half = _half(rng, int(rng.integers(1, 400)), float(rng.choice([0.0, 0.5, 0.9])))
        root = _symmetric(rng, half)
        if k % 3 == 1:
            root = _change_value(rng, root)
        elif k % 3 == 2:
            root = _drop_leaf(rng, root)
        out.append(Case(f"random-{k + 1}", {"root": level_order(root)}))
    return out
