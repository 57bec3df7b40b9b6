"""Iterative reversal with three pointers. ListNode comes from the judge."""


def reverse_list(head):
    prev = None  # the already reversed part; its first node is the new head so far
    curr = head
    while curr is not None:
        rest = curr.next  # save it first: the next line overwrites curr.next
        curr.next = prev
        prev = curr
        curr = rest
    return prev  # curr is None here; prev is the old tail, now the head
