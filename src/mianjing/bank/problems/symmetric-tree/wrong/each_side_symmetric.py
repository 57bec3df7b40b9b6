"""Checks that the two children have equal values and that each subtree is symmetric by itself.
Symmetry of the whole tree needs the left subtree to be the mirror of the right one instead."""


def is_symmetric(root):
    if root is None:
        return True
    if (root.left is None) != (root.right is None):
        return False
    if root.left is not None and root.left.val != root.right.val:
        return False
    return is_symmetric(root.left) and is_symmetric(root.right)
