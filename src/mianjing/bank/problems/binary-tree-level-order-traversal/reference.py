"""Breadth-first search, one level per round: when a round starts, the queue holds exactly that level."""

from collections import deque


def level_order(root):
    if root is None:
        return []
    levels = []
    queue = deque([root])
    while queue:
        level = []
        for _ in range(len(queue)):  # the length now is this level's size; children queue up behind
            node = queue.popleft()
            level.append(node.val)
            for child in (node.left, node.right):
                if child is not None:
                    queue.append(child)
        levels.append(level)
    return levels
