"""Checks every parent against its own two children only. A BST needs more: every value in the left
subtree below the parent, every value in the right subtree above it. In [10, 5, 15, None, None, 6, 20]
each parent-child pair looks fine, but 6 sits in 10's right subtree."""


def is_valid_bst(root):
    if root is None:
        return True
    if root.left is not None and root.left.val >= root.val:
        return False
    if root.right is not None and root.right.val <= root.val:
        return False
    return is_valid_bst(root.left) and is_valid_bst(root.right)
