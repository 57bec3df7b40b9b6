# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def diameter_of_binary_tree(root: "TreeNode | None") -> int:
    """The number of edges on the longest path between any two nodes of the tree."""
    raise NotImplementedError
