"""Treats the tree as a binary search tree: inserts the preorder values one by one, smaller going
left. That rebuilds a BST from its preorder, but this tree's values are in no particular order; the
inorder list, which fixes the shape, is never used."""


def build_tree(preorder, inorder):
    root = None
    for v in preorder:
        node = TreeNode(v)  # noqa: F821 - given by the judge
        if root is None:
            root = node
            continue
        cur = root
        while True:
            side = "left" if v < cur.val else "right"
            nxt = getattr(cur, side)
            if nxt is None:
                setattr(cur, side, node)
                break
            cur = nxt
    return root
