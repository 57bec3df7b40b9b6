"""One post-order pass. Each node returns its best "gain": the largest sum of a path that starts at
the node and goes down one side. The best path turning at a node takes the node plus the gains of
both sides, each only if positive."""


def max_path_sum(root):
    best = float("-inf")  # the path must contain at least one node, so any real sum beats this

    def gain(node):
        nonlocal best
        if node is None:
            return 0
        left = max(gain(node.left), 0)  # a branch that would lower the sum is simply not taken
        right = max(gain(node.right), 0)
        best = max(best, node.val + left + right)  # the best path whose highest node is `node`
        return node.val + max(left, right)  # going up, a path may use only one of the two sides

    gain(root)
    return best
