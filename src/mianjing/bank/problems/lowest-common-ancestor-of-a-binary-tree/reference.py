"""One post-order search. Each call reports what it found in its subtree: p or q (or an ancestor of
both). The first node at which p and q come back from different sides is the lowest common ancestor."""


def lowest_common_ancestor(root, p, q):
    if root is None or root is p or root is q:
        # if root is p, the answer below here is p: either q is under it (p is the ancestor)
        # or q is elsewhere and p is what this subtree contributes
        return root
    left = lowest_common_ancestor(root.left, p, q)
    right = lowest_common_ancestor(root.right, p, q)
    if left is not None and right is not None:
        return root  # p and q on different sides: they meet here
    return left if left is not None else right
