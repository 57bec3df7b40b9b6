"""Right-first depth-first search that records every node it visits. The right-first order is the
right idea, but only the first node reached at each depth is visible: it needs
`if depth == len(view)` before appending."""


def right_side_view(root):
    view = []

    def dfs(node, depth):
        if node is None:
            return
        view.append(node.val)
        dfs(node.right, depth + 1)
        dfs(node.left, depth + 1)

    dfs(root, 0)
    return view
