"""Insertion sort by relinking: each node is inserted into the sorted prefix, found by walking it
from the front. Correct and O(1) memory, but O(n^2) time."""


def sort_list(head):
    dummy = ListNode()  # noqa: F821
    node = head
    while node is not None:
        rest = node.next
        prev = dummy
        while prev.next is not None and prev.next.val <= node.val:
            prev = prev.next
        node.next = prev.next
        prev.next = node
        node = rest
    return dummy.next
