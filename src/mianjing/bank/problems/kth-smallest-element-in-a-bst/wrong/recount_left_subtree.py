"""Decides at every node by the size of its left subtree, counted from scratch each time. The answer
is right, but on a left chain every step down recounts everything below: O(n^2). (Storing the
subtree sizes in the nodes once makes each query O(h).)"""


def kth_smallest(root, k):
    def size(node):
        count, stack = 0, [node] if node else []
        while stack:
            n = stack.pop()
            count += 1
            stack.extend(c for c in (n.left, n.right) if c is not None)
        return count

    node = root
    while node is not None:
        left = size(node.left)
        if k <= left:
            node = node.left
        elif k == left + 1:
            return node.val
        else:
            k -= left + 1
            node = node.right
    return None
