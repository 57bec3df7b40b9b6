# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def max_depth(root: "TreeNode | None") -> int:
    """The number of nodes on the longest path from the root down to a leaf (0 for an empty tree)."""
    raise NotImplementedError
