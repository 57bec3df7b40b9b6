"""Recursion that stops only at leaves: a node with exactly one child recurses into the missing one
and reads None.left (and an empty tree fails at once)."""


def inorder_traversal(root):
    if root.left is None and root.right is None:
        return [root.val]
    return inorder_traversal(root.left) + [root.val] + inorder_traversal(root.right)
