"""In place with O(1) extra space: at each node that has a left subtree, splice that subtree in
between the node and its right subtree, then move on down the right pointers."""


def flatten(root):
    node = root
    while node is not None:
        if node.left is not None:
            # in preorder, the old right subtree comes right after the last node of the left
            # subtree, which is its rightmost node
            last = node.left
            while last.right is not None:
                last = last.right
            last.right = node.right
            node.right = node.left
            node.left = None  # a chain: no node may keep a left child
        node = node.right
