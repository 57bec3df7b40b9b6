"""Collects the values into a default argument. The list `out=[]` is created once, when the
function is defined, so every later call appends to the values of all earlier trees."""


def inorder_traversal(root, out=[]):
    if root is not None:
        inorder_traversal(root.left, out)
        out.append(root.val)
        inorder_traversal(root.right, out)
    return out
