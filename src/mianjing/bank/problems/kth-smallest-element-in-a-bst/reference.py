"""Inorder visits a BST's values in increasing order, so the k-th node inorder is the answer. An
explicit stack lets the walk stop there: O(h + k), never more than the whole tree."""


def kth_smallest(root, k):
    stack = []
    node = root
    count = 0
    while node is not None or stack:
        while node is not None:  # the smallest value not yet visited is at the bottom of this spine
            stack.append(node)
            node = node.left
        node = stack.pop()
        count += 1
        if count == k:
            return node.val
        node = node.right
    raise ValueError("k is larger than the number of nodes")
