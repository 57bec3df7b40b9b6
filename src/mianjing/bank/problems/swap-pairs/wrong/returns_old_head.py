"""Relinks every pair correctly but returns the original head, which is now the second node."""


def swap_pairs(head):
    dummy = ListNode(0, head)  # noqa: F821
    prev = dummy
    while prev.next is not None and prev.next.next is not None:
        a = prev.next
        b = a.next
        a.next = b.next
        b.next = a
        prev.next = b
        prev = a
    return head  # should be dummy.next
