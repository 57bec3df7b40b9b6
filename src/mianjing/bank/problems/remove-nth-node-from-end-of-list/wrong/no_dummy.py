"""Two pointers n nodes apart starting at the head, without a dummy node: when n equals the length,
fast is already None and fast.next fails; the head has no predecessor to unlink it from."""


def remove_nth_from_end(head, n):
    fast = slow = head
    for _ in range(n):
        fast = fast.next
    while fast.next is not None:
        fast = fast.next
        slow = slow.next
    slow.next = slow.next.next
    return head
