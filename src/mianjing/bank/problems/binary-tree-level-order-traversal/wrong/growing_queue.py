"""Iterates over the level list while appending the children to that same list. A Python for loop
over a list also visits items appended during the loop, so the first "level" swallows the whole
tree. (The fix: collect the children in a separate list for the next round.)"""


def level_order(root):
    if root is None:
        return []
    levels = []
    current = [root]
    while current:
        level = []
        for node in current:
            level.append(node.val)
            for child in (node.left, node.right):
                if child is not None:
                    current.append(child)  # should go into a new list `nxt`
        levels.append(level)
        current = current[len(level):]
    return levels
