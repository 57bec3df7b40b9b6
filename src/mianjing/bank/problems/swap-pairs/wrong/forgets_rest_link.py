"""Sets b.next = a without first pointing a at the rest of the list: a.next still is b, the pair
becomes a two-node cycle, and the loop condition never fails."""


def swap_pairs(head):
    dummy = ListNode(0, head)  # noqa: F821
    prev = dummy
    while prev.next is not None and prev.next.next is not None:
        a = prev.next
        b = a.next
        b.next = a  # missing: a.next = b.next
        prev.next = b
        prev = a
    return dummy.next
