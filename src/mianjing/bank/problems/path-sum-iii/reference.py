"""Prefix sums along the current root-to-node path. A downward path ending at `node` is the
difference of two prefix sums on that path, so the number of such paths with sum target equals how
many earlier prefixes equal running - target. A counter of the prefixes on the current path answers
that in O(1); it is undone when the search leaves a node."""

from collections import defaultdict


def path_sum(root, target_sum):
    prefixes = defaultdict(int)  # prefix sum -> how many nodes on the current path end one
    prefixes[0] = 1  # the empty prefix above the root: paths that start at the root

    def dfs(node, running):
        if node is None:
            return 0
        running += node.val
        # paths ending here: look up before adding this node's own prefix (a path is never empty)
        found = prefixes[running - target_sum]
        prefixes[running] += 1
        found += dfs(node.left, running) + dfs(node.right, running)
        prefixes[running] -= 1  # leaving the node: its prefix is no longer on the path
        return found

    return dfs(root, 0)
