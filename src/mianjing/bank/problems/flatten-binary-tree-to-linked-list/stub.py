# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def flatten(root: "TreeNode | None") -> None:
    """Rearrange the tree in place into a right-pointing chain in preorder; every left pointer None."""
    raise NotImplementedError
