"""Recursive flatten that moves the flattened left subtree to the right and forgets to append the
old right subtree after it: whatever was on the right is lost."""


def flatten(root):
    if root is None:
        return
    flatten(root.left)
    flatten(root.right)
    root.right = root.left  # the old right subtree should be kept and attached after the left part
    root.left = None
