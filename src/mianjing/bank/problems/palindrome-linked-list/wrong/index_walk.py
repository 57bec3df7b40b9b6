"""Counts the nodes, then for every i in the first half walks from the head to the mirror node
n-1-i to compare: correct, no extra memory, O(n^2) time."""


def is_palindrome(head):
    n = 0
    node = head
    while node is not None:
        n += 1
        node = node.next
    left = head
    for i in range(n // 2):
        right = head
        for _ in range(n - 1 - i):
            right = right.next
        if left.val != right.val:
            return False
        left = left.next
    return True
