# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def kth_smallest(root: "TreeNode | None", k: int) -> int:
    """The k-th smallest value in the binary search tree (k = 1 is the minimum)."""
    raise NotImplementedError
