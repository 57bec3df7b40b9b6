# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def lowest_common_ancestor(root: "TreeNode", p: "TreeNode", q: "TreeNode") -> "TreeNode":
    """The deepest node that has both p and q as descendants (a node is a descendant of itself)."""
    raise NotImplementedError
