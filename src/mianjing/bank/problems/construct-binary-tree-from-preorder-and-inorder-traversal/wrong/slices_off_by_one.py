"""The slicing version with an off-by-one: the left subtree has `mid` values, so its preorder is
preorder[1:mid + 1], not preorder[1:mid]. The right part then starts one value early, with a value
that belongs to the left subtree, and looking it up in the right inorder slice fails."""


def build_tree(preorder, inorder):
    if not preorder:
        return None
    root = TreeNode(preorder[0])  # noqa: F821 - given by the judge
    mid = inorder.index(preorder[0])
    root.left = build_tree(preorder[1:mid], inorder[:mid])
    root.right = build_tree(preorder[mid:], inorder[mid + 1:])
    return root
