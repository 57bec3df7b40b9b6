"""Builds a new reversed list from the values instead of relinking the given nodes."""


def reverse_list(head):
    # prepend a copy of every value: the right values, but none of the given nodes
    new_head = None
    while head is not None:
        new_head = ListNode(head.val, new_head)  # noqa: F821
        head = head.next
    return new_head
