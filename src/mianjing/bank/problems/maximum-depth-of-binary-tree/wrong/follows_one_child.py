"""Walks down one path only: left when there is a left child, else right. It measures that path,
not the longest one, so a tree whose right side is deeper comes out too shallow."""


def max_depth(root):
    depth = 0
    node = root
    while node is not None:
        depth += 1
        node = node.left if node.left is not None else node.right
    return depth
