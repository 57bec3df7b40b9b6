from collections import deque  # noqa: F401 - a queue helps

# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def level_order(root: "TreeNode | None") -> list[list[int]]:
    """The values level by level, top to bottom; each level from left to right."""
    raise NotImplementedError
