"""Reads the values in inorder and checks the list reads the same backwards. A symmetric tree does
give a palindrome, but so do some asymmetric shapes: the list forgets where children are missing."""


def is_symmetric(root):
    values = []

    def inorder(node):
        if node is not None:
            inorder(node.left)
            values.append(node.val)
            inorder(node.right)

    inorder(root)
    return values == values[::-1]
