"""The binary-search-tree method (LeetCode 235): go left while both values are smaller than the
current node, right while both are larger, else stop. It relies on the BST order, which this tree
does not have; it ends at the wrong node or walks off the tree."""


def lowest_common_ancestor(root, p, q):
    node = root
    while node is not None:
        if p.val < node.val and q.val < node.val:
            node = node.left
        elif p.val > node.val and q.val > node.val:
            node = node.right
        else:
            return node
    return None
