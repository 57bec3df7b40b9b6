"""Lays the sorted values out like a binary heap: nums[i] at position i, its children at 2i+1 and
2i+2. The shape is balanced (complete), but the order is a heap's, not a search tree's: the root
holds the smallest value instead of the middle one."""


def sorted_array_to_bst(nums):
    nodes = [TreeNode(v) for v in nums]  # noqa: F821 - given by the judge
    for i, node in enumerate(nodes):
        if 2 * i + 1 < len(nodes):
            node.left = nodes[2 * i + 1]
        if 2 * i + 2 < len(nodes):
            node.right = nodes[2 * i + 2]
    return nodes[0]
