"""Breadth-first search without the per-level inner loop: depth grows by one for every dequeued
node, so it returns the number of nodes, not the number of levels."""

from collections import deque


def max_depth(root):
    if root is None:
        return 0
    depth = 0
    queue = deque([root])
    while queue:
        node = queue.popleft()
        depth += 1  # should happen once per level: for _ in range(len(queue)) around the pops
        for child in (node.left, node.right):
            if child is not None:
                queue.append(child)
    return depth
