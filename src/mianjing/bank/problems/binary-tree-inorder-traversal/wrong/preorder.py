"""Recursive traversal that appends the node before its left subtree: preorder, not inorder."""


def inorder_traversal(root):
    if root is None:
        return []
    return [root.val] + inorder_traversal(root.left) + inorder_traversal(root.right)
