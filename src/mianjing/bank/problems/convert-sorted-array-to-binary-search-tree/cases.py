"""Cases for convert-sorted-array-to-binary-search-tree: the examples, sizes 1 and 2, sizes just
below and above a power of two, negative values, the 10^4 maximum and random sorted lists.

Several trees are right for one list, so `check` does not compare with the reference's tree: it
requires the returned tree's inorder to be exactly nums (a BST holding those values) and every
node's two subtree heights to differ by at most one."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.judge.structures import build_tree
from mianjing.problems.case import Case
from mianjing.problems.treegen import nodes_inorder


def _sorted_unique(rng, n):
    return sorted(int(v) for v in rng.choice(np.arange(-10_000, 10_001), size=n, replace=False))


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [-6, -2, 0, 3, 7, 11]}, hidden=False),
        Case("example-2", {"nums": [4, 8]}, hidden=False),
        Case("example-3", {"nums": [5]}, hidden=False),
        Case("edge-seven", {"nums": list(range(1, 8))}, note="7 values: a perfect tree of height 3"),
        Case("edge-eight", {"nums": list(range(1, 9))}, note="8 values: one level only partly filled"),
        Case("edge-negative", {"nums": list(range(-10_000, -9_980, 2))}, note="negative values only"),
        Case("edge-1023", {"nums": _sorted_unique(rng, 1023)}),
        Case("edge-1025", {"nums": _sorted_unique(rng, 1025)}),
        Case("edge-max", {"nums": _sorted_unique(rng, 10_000)}, note="10^4 values"),
        Case("edge-full-range", {"nums": list(range(-10_000, 10_001, 2))}, note="10001 values from -10^4 to 10^4"),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", {"nums": _sorted_unique(rng, int(rng.integers(2, 400)))}))
    return out


def _heights(root):
    """Height (in nodes) of every node's subtree, computed without recursion: {id(node): height}."""
    height, stack = {id(None): 0}, [(root, False)]
    while stack:
        node, done = stack.pop()
        if node is None:
            continue
        if done:
            height[id(node)] = 1 + max(height[id(node.left)], height[id(node.right)])
        else:
            stack.extend([(node, True), (node.left, False), (node.right, False)])
    return height


def check(case: Case, expected, got) -> CheckResult:
    tree = got.get("out")
    if not isinstance(tree, list):
        return CheckResult.failed("the result could not be read as a tree")
    if not tree:
        return CheckResult.failed("you returned an empty tree (None); nums is never empty")
    root, _ = build_tree(tree)
    if root is None:
        return CheckResult.failed("you returned an empty tree (None); nums is never empty")
    nums = case.inputs["nums"]
    values = [node.val for node in nodes_inorder(root)]
    if values != nums:
        if len(values) != len(nums):
            return CheckResult.failed(f"the tree has {len(values)} nodes; it must hold the {len(nums)} values of nums once each")
        i = next(i for i, (a, b) in enumerate(zip(values, nums)) if a != b)
        return CheckResult.failed(
            f"not a binary search tree of nums: its inorder (left, node, right) differs from nums at index {i} "
            f"(got {values[i]}, expected {nums[i]})"
        )
    height = _heights(root)
    for node in nodes_inorder(root):
        hl, hr = height[id(node.left)], height[id(node.right)]
        if abs(hl - hr) > 1:
            return CheckResult.failed(
                f"a valid BST, but not height-balanced: the node {node.val} has subtrees of heights {hl} and {hr} "
                f"(the tree's height is {height[id(root)]})"
            )
    return CheckResult.passed()
