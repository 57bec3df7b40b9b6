"""Swaps the root's children and stops: mirroring has to happen at every node, not just the top."""


def invert_tree(root):
    if root is not None:
        root.left, root.right = root.right, root.left
    return root
