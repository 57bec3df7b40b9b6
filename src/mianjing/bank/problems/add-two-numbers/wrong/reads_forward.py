"""Reads each list as if the head were the most significant digit, adds the two numbers, and
writes the sum most significant digit first: right only when both numbers read the same both ways."""


def _to_int(node):
    value = 0
    while node is not None:
        value = value * 10 + node.val
        node = node.next
    return value


def add_two_numbers(l1, l2):
    digits = str(_to_int(l1) + _to_int(l2))
    dummy = ListNode()  # noqa: F821
    tail = dummy
    for d in digits:
        tail.next = ListNode(int(d))  # noqa: F821
        tail = tail.next
    return dummy.next
