"""Mirror by recursion: swap a node's two children, then mirror each of them."""


def invert_tree(root):
    if root is None:
        return None
    # the tuple on the right is evaluated first, so neither subtree is lost by the first assignment
    root.left, root.right = invert_tree(root.right), invert_tree(root.left)
    return root
