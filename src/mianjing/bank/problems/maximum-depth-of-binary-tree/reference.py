"""Depth by recursion: a tree is one node deeper than its deeper subtree."""


def max_depth(root):
    if root is None:
        return 0  # an empty tree has no nodes on any path
    return 1 + max(max_depth(root.left), max_depth(root.right))
