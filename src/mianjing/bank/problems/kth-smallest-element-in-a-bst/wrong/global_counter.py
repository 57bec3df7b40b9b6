"""Recursive inorder with the visit count in a module-level variable. It is set to 0 once, when the
module loads, and never reset, so every call after the first continues counting from where the
previous tree stopped."""

count = 0
answer = None


def kth_smallest(root, k):
    global answer

    def inorder(node):
        global count, answer
        if node is None or count >= k:
            return
        inorder(node.left)
        count += 1
        if count == k:
            answer = node.val
            return
        inorder(node.right)

    inorder(root)
    return answer
