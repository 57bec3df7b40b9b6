"""Right answer, quadratic time: at every node it searches the whole left subtree for p and for q to
decide which side to go down. On a deep tree each step searches almost everything below it again,
O(n * h). One post-order pass that reports what each subtree contains does it in O(n)."""


def lowest_common_ancestor(root, p, q):
    def contains(node, target):
        stack = [node] if node is not None else []
        while stack:
            cur = stack.pop()
            if cur is target:
                return True
            stack.extend(c for c in (cur.left, cur.right) if c is not None)
        return False

    node = root
    while True:
        if node is p or node is q:
            return node
        p_left, q_left = contains(node.left, p), contains(node.left, q)
        if p_left and q_left:
            node = node.left
        elif not p_left and not q_left:
            node = node.right
        else:
            return node
