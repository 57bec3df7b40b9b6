# TreeNode is given (do not redefine it):
#
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right


def path_sum(root: "TreeNode | None", target_sum: int) -> int:
    """The number of downward paths (from a node to one of its descendants, or a single node) whose
    values add up to target_sum."""
    raise NotImplementedError
