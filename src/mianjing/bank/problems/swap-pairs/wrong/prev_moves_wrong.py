"""After swapping a pair, moves prev to b (now in front) instead of a (now behind), so the next
"pair" it swaps straddles the previous one."""


def swap_pairs(head):
    dummy = ListNode(0, head)  # noqa: F821
    prev = dummy
    while prev.next is not None and prev.next.next is not None:
        a = prev.next
        b = a.next
        a.next = b.next
        b.next = a
        prev.next = b
        prev = b  # should be a
    return dummy.next
