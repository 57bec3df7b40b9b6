# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def build_tree(preorder: list[int], inorder: list[int]) -> "TreeNode | None":
    """The binary tree (distinct values) whose preorder and inorder traversals are the given lists."""
    raise NotImplementedError
