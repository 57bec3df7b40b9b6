"""Level-order traversal; the last node of each level is the one seen from the right."""

from collections import deque


def right_side_view(root):
    if root is None:
        return []
    view = []
    queue = deque([root])
    while queue:
        size = len(queue)  # the queue holds exactly one level now
        for i in range(size):
            node = queue.popleft()
            if i == size - 1:  # rightmost of its level: nothing to its right can hide it
                view.append(node.val)
            for child in (node.left, node.right):
                if child is not None:
                    queue.append(child)
    return view
