"""One post-order pass: each node learns the heights of its two subtrees, which is all it needs to
measure the longest path that turns at it, and to report its own height to its parent."""


def diameter_of_binary_tree(root):
    best = 0  # the longest path seen so far, in edges

    def height(node):
        """Number of nodes on the longest downward path from `node` (0 for None)."""
        nonlocal best
        if node is None:
            return 0
        left = height(node.left)
        right = height(node.right)
        # the longest path turning at `node`: down `left` nodes on one side, `right` on the other;
        # in edges that is left + right (one edge per node below `node`)
        best = max(best, left + right)
        return 1 + max(left, right)

    height(root)
    return best
