"""Iterative inorder with an explicit stack (the follow-up's answer; recursion works just as well)."""


def inorder_traversal(root):
    out = []
    stack = []  # the nodes whose left subtree is being visited: the path back up
    node = root
    while node is not None or stack:
        # walk down the left spine: every node on it comes after everything to its left
        while node is not None:
            stack.append(node)
            node = node.left
        node = stack.pop()  # its left subtree is done: visit it
        out.append(node.val)
        node = node.right  # then the right subtree, starting again with its left spine
    return out
