"""Counts nodes in preorder (the node, then its left subtree, then its right). In a BST the root comes
before the smaller values of its left subtree in that order, so the k-th node visited is not the
k-th smallest."""


def kth_smallest(root, k):
    stack = [root]
    count = 0
    while stack:
        node = stack.pop()
        count += 1
        if count == k:
            return node.val
        if node.right is not None:
            stack.append(node.right)
        if node.left is not None:
            stack.append(node.left)
    return None
