# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def inorder_traversal(root: "TreeNode | None") -> list[int]:
    """The values of the tree in inorder: left subtree, then the node, then the right subtree."""
    raise NotImplementedError
