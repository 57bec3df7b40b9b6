# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def is_symmetric(root: "TreeNode | None") -> bool:
    """True if the tree is its own mirror image around the vertical line through the root."""
    raise NotImplementedError
