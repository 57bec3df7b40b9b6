"""Recurses to the tail and compares on the way back against a pointer moving from the front.
Elegant, but the recursion is as deep as the list: RecursionError on long lists."""


def is_palindrome(head):
    front = head

    def check(node):
        nonlocal front
        if node is None:
            return True
        if not check(node.next):
            return False
        if node.val != front.val:
            return False
        front = front.next
        return True

    return check(head)
