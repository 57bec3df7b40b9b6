from collections import deque  # noqa: F401 - a queue helps

# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def right_side_view(root: "TreeNode | None") -> list[int]:
    """The values seen from the right side, top to bottom: the rightmost node of every level."""
    raise NotImplementedError
