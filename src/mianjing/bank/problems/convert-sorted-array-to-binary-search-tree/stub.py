# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def sorted_array_to_bst(nums: list[int]) -> "TreeNode | None":
    """A height-balanced binary search tree holding exactly the values of the sorted list nums."""
    raise NotImplementedError
