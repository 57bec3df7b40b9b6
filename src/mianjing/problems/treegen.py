"""Random binary trees for the tree problems' cases.py (controller side only).

Cases write a tree as its level-order list with None holes (LeetCode's convention); these helpers
build the shapes a case needs (random, bushy, degenerate chains, BSTs) as TreeNode objects and turn
them into that list. Shapes come from the case's `rng`, so a seed always gives the same cases.
"""

from __future__ import annotations

from collections import deque

import numpy as np

from mianjing.judge.structures import TreeNode, build_tree


def level_order(root: TreeNode | None) -> list:
    """The level-order list of `root` with None holes, trailing Nones stripped (the format
    structures.read_tree gives; this one skips its checks, the trees here are our own)."""
    out, queue = [], deque([root] if root is not None else [])
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        out.append(node.val)
        queue.append(node.left)
        queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out


def random_shape(rng: np.random.Generator, n: int, depth_bias: float = 0.0) -> TreeNode | None:
    """A random tree of `n` nodes (values 0..n-1 in creation order, to be replaced).

    Each new node takes a free child slot. With depth_bias 0 the slot is uniform among all free
    slots (expected depth O(log n)); with depth_bias p it is, with probability p, one of the last two
    slots in the list (mostly the newest node's children), so larger p gives deeper trees. For a
    guaranteed long path use deep_shape.
    """
    if n <= 0:
        return None
    # all random draws at once: numpy's per-call overhead would dominate on 10^4-node trees
    biased, pick, flip = (rng.random(n) < depth_bias).tolist(), rng.random(n).tolist(), (rng.random(n) < 0.5).tolist()
    root = TreeNode(0)
    free: list[tuple[TreeNode, str]] = [(root, "left"), (root, "right")]
    for i in range(1, n):
        k = len(free) - 1 - int(pick[i] < 0.5) if biased[i] else int(pick[i] * len(free))
        parent, side = free[k]
        free[k] = free[-1]  # O(1) removal: order among free slots only matters for the bias
        free.pop()
        child = TreeNode(i)
        setattr(parent, side, child)
        free.extend([(child, "left"), (child, "right")] if flip[i] else [(child, "right"), (child, "left")])
    return root


def deep_shape(rng: np.random.Generator, n: int, spine: int) -> TreeNode | None:
    """A tree of `n` nodes around a root-to-leaf path ("spine") of `spine` nodes turning left or
    right at random; the other n - spine nodes hang off it in random places (depth >= spine)."""
    if n <= 0:
        return None
    spine = max(1, min(spine, n))
    left_turn, pick = (rng.random(n) < 0.5).tolist(), rng.random(n).tolist()
    root = node = TreeNode(0)
    free: list[tuple[TreeNode, str]] = []
    for i in range(1, spine):
        side, other = ("left", "right") if left_turn[i] else ("right", "left")
        child = TreeNode(i)
        setattr(node, side, child)
        free.append((node, other))
        node = child
    free.extend([(node, "left"), (node, "right")])
    for i in range(spine, n):
        k = int(pick[i] * len(free))
        parent, side = free[k]
        free[k] = free[-1]
        free.pop()
        child = TreeNode(i)
        setattr(parent, side, child)
        free.extend([(child, "left"), (child, "right")])
    return root


def chain(n: int, side: str = "left") -> TreeNode | None:
    """A degenerate tree: every node has one child, on `side` ("left", "right" or "zigzag")."""
    if n <= 0:
        return None
    root = node = TreeNode(0)
    for i in range(1, n):
        s = side if side != "zigzag" else ("left" if i % 2 else "right")
        child = TreeNode(i)
        setattr(node, s, child)
        node = child
    return root


def complete(n: int) -> TreeNode | None:
    """The complete tree of `n` nodes (every level full except possibly the last, filled from the left)."""
    return build_tree(list(range(n)))[0]


def nodes_preorder(root: TreeNode | None) -> list[TreeNode]:
    out, stack = [], [root] if root else []
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in (node.right, node.left) if c is not None)
    return out


def nodes_inorder(root: TreeNode | None) -> list[TreeNode]:
    out, stack, node = [], [], root
    while stack or node is not None:
        while node is not None:
            stack.append(node)
            node = node.left
        node = stack.pop()
        out.append(node)
        node = node.right
    return out


def fill(root: TreeNode | None, values, order: str = "level") -> TreeNode | None:
    """Write `values` into the nodes, visiting them in `order` ("level", "pre" or "in"), and return root.

    order="in" with sorted values makes a binary search tree of any shape.
    """
    if order == "in":
        nodes = nodes_inorder(root)
    elif order == "pre":
        nodes = nodes_preorder(root)
    else:
        nodes = _level_nodes(root)
    values = list(values)
    if len(values) != len(nodes):
        raise ValueError(f"fill: {len(values)} values for {len(nodes)} nodes")
    for node, v in zip(nodes, values):
        node.val = v
    return root


def random_values(rng: np.random.Generator, n: int, lo: int, hi: int) -> list[int]:
    """n integers drawn uniformly from [lo, hi]."""
    return [int(v) for v in rng.integers(lo, hi + 1, size=n)]


def _level_nodes(root: TreeNode | None) -> list[TreeNode]:
    out, queue = [], deque([root] if root else [])
    while queue:
        node = queue.popleft()
        out.append(node)
        queue.extend(c for c in (node.left, node.right) if c is not None)
    return out

