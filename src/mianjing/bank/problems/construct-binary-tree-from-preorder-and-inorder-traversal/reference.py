"""Divide and conquer on index ranges. The first preorder value of a subtree is its root; the root's
position in inorder splits the subtree's inorder range into left and right parts, and the left
part's size tells where the right subtree starts in preorder. A dict gives each position in O(1)."""


def build_tree(preorder, inorder):
    position = {v: i for i, v in enumerate(inorder)}  # values are distinct

    def build(pre_lo, in_lo, in_hi):
        """The subtree whose inorder is inorder[in_lo:in_hi] and whose preorder starts at pre_lo."""
        if in_lo >= in_hi:
            return None
        val = preorder[pre_lo]
        mid = position[val]
        left_size = mid - in_lo
        root = TreeNode(val)  # noqa: F821 - given by the judge
        root.left = build(pre_lo + 1, in_lo, mid)
        root.right = build(pre_lo + 1 + left_size, mid + 1, in_hi)  # after the root and the left subtree
        return root

    return build(0, 0, len(inorder))
