"""Divide and conquer: the middle value becomes the root, each half becomes a subtree. The halves
differ in size by at most one, so the heights do too, all the way down."""


def sorted_array_to_bst(nums):
    def build(lo, hi):
        """The balanced BST of nums[lo..hi], both ends inclusive (None when the range is empty)."""
        if lo > hi:
            return None
        mid = (lo + hi) // 2
        root = TreeNode(nums[mid])  # noqa: F821 - given by the judge
        root.left = build(lo, mid - 1)  # everything smaller than nums[mid]
        root.right = build(mid + 1, hi)  # everything larger
        return root

    return build(0, len(nums) - 1)
