"""Recursive reversal that forgets head.next = None: the first two nodes end up pointing at each other."""


def reverse_list(head):
    if head is None or head.next is None:
        return head
    new_head = reverse_list(head.next)
    head.next.next = head  # the successor now points back at head...
    # ...but head.next still points at the successor: the two form a cycle
    return new_head
