"""Reverses k nodes at a time without first checking that k nodes are left, so a last group with
fewer than k nodes is reversed too."""


def reverse_k_group(head, k):
    dummy = ListNode(0, head)  # noqa: F821
    group_prev = dummy
    while group_prev.next is not None:
        first = group_prev.next
        prev, curr, count = None, first, 0
        while curr is not None and count < k:
            rest = curr.next
            curr.next = prev
            prev = curr
            curr = rest
            count += 1
        group_prev.next = prev
        first.next = curr
        group_prev = first
    return dummy.next
