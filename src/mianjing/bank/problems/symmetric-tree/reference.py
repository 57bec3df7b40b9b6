"""Walk the two halves at once: a node on the left must match the node in the mirrored position on
the right, so the outer children pair up (a.left with b.right) and the inner ones too."""


def is_symmetric(root):
    def mirror(a, b):
        if a is None or b is None:
            return a is b  # both missing is a match; exactly one missing is not
        if a.val != b.val:
            return False
        return mirror(a.left, b.right) and mirror(a.right, b.left)

    return mirror(root.left, root.right)
