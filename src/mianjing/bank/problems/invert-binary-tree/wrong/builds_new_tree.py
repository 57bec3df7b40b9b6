"""Returns a mirrored copy. The values are right, but every node is new: the statement asks to
rearrange the given nodes (their identity is what the caller still holds)."""


def invert_tree(root):
    if root is None:
        return None
    return TreeNode(root.val, invert_tree(root.right), invert_tree(root.left))  # noqa: F821 - given by the judge
