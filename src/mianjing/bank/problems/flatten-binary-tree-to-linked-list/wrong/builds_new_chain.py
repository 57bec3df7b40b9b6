"""Collects the values in preorder and hangs a chain of new nodes holding them under the root. The
values read right, but the caller's other nodes are now detached: the statement asks to relink the
nodes it was given."""


def flatten(root):
    if root is None:
        return
    values, stack = [], [root]
    while stack:
        node = stack.pop()
        values.append(node.val)
        stack.extend(c for c in (node.right, node.left) if c is not None)
    root.left = None
    tail = root
    for v in values[1:]:
        tail.right = TreeNode(v)  # noqa: F821 - given by the judge
        tail = tail.right
