"""Pass down the open interval a node's value must lie in. Going left, the parent's value becomes the
upper bound; going right, the lower bound; the bounds from higher ancestors stay."""


def is_valid_bst(root):
    def valid(node, lo, hi):
        if node is None:
            return True
        if not lo < node.val < hi:  # strict: equal values are not allowed anywhere
            return False
        return valid(node.left, lo, node.val) and valid(node.right, node.val, hi)

    # infinite bounds: any integer value fits, including the extremes of the allowed range
    return valid(root, float("-inf"), float("inf"))
