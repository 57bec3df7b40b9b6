"""Links the values in order, each node the right child of the previous one. That is a binary search
tree of nums, but a chain of height n: the statement asks for a height-balanced one."""


def sorted_array_to_bst(nums):
    root = None
    for v in reversed(nums):
        root = TreeNode(v, None, root)  # noqa: F821 - given by the judge
    return root
