"""Recursive swap whose base case only handles an empty list: with one node left, head.next is None
and None.next raises."""


def swap_pairs(head):
    if head is None:
        return None
    second = head.next
    head.next = swap_pairs(second.next)
    second.next = head
    return second
