# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def invert_tree(root: "TreeNode | None") -> "TreeNode | None":
    """Mirror the tree in place (swap every node's left and right child) and return its root."""
    raise NotImplementedError
