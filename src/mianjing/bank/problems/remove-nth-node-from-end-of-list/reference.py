"""One pass with two pointers n + 1 nodes apart, from a dummy node. ListNode comes from the judge."""


def remove_nth_from_end(head, n):
    dummy = ListNode(0, head)  # noqa: F821 - gives the head a predecessor, so removing it is no special case
    fast = slow = dummy
    for _ in range(n + 1):  # fast leads slow by n + 1 nodes
        fast = fast.next
    while fast is not None:  # when fast falls off the end, slow is just before the n-th node from the end
        fast = fast.next
        slow = slow.next
    slow.next = slow.next.next
    return dummy.next
