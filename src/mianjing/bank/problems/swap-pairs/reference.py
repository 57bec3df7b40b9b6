"""Iterative pair swap with a dummy node in front of the head. ListNode comes from the harness."""


def swap_pairs(head):
    dummy = ListNode(0, head)  # noqa: F821 - given by the judge; prev.next is always the next pair's first node
    prev = dummy
    while prev.next is not None and prev.next.next is not None:
        a = prev.next  # first node of the pair
        b = a.next  # second node of the pair
        # prev -> a -> b -> rest   becomes   prev -> b -> a -> rest
        a.next = b.next
        b.next = a
        prev.next = b
        prev = a  # a is now the pair's second node: the next pair starts after it
    return dummy.next
