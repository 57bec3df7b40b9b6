"""Right answer, quadratic time: at every node it calls a separate height function on both
children, which walks the whole subtree again. On a deep tree each node is re-walked once per
ancestor, O(n^2) in all. The fix returns the height from the same pass that updates the answer."""


def diameter_of_binary_tree(root):
    def height(node):
        if node is None:
            return 0
        return 1 + max(height(node.left), height(node.right))

    def diameter(node):
        if node is None:
            return 0
        through = height(node.left) + height(node.right)
        return max(through, diameter(node.left), diameter(node.right))

    return diameter(root)
