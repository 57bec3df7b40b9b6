# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def max_path_sum(root: "TreeNode") -> int:
    """The largest sum of the values on any non-empty path between two nodes of the tree."""
    raise NotImplementedError
