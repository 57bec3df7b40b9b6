"""Adds digit pairs while both lists have digits, then appends the rest of the longer list as it
is: the carry out of the last pair is added to nothing (999 + 1 gives 000 + 1 lost)."""


def add_two_numbers(l1, l2):
    dummy = ListNode()  # noqa: F821
    tail = dummy
    carry = 0
    while l1 is not None and l2 is not None:
        carry, digit = divmod(l1.val + l2.val + carry, 10)
        tail.next = ListNode(digit)  # noqa: F821
        tail = tail.next
        l1, l2 = l1.next, l2.next
    rest = l1 if l1 is not None else l2
    while rest is not None:
        tail.next = ListNode(rest.val)  # noqa: F821
        tail = tail.next
        rest = rest.next
    return dummy.next
