"""Right answer, quadratic time: from every node it walks down all paths starting there, keeping a
running sum. Each node is re-walked once per ancestor, O(n * h): fine on bushy trees, O(n^2) on deep
ones."""


def path_sum(root, target_sum):
    def from_here(node, remaining):
        if node is None:
            return 0
        remaining -= node.val
        return (remaining == 0) + from_here(node.left, remaining) + from_here(node.right, remaining)

    def every_start(node):
        if node is None:
            return 0
        return from_here(node, target_sum) + every_start(node.left) + every_start(node.right)

    return every_start(root)
