# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def is_valid_bst(root: "TreeNode | None") -> bool:
    """True if every node is larger than all values in its left subtree and smaller than all in its right."""
    raise NotImplementedError
