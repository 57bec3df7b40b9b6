"""Aligns the two lists by length, then stops at the first equal *values* instead of the first
shared *node*: two separate lists can hold equal values at the same distance from their ends."""


def _length(node):
    n = 0
    while node is not None:
        n += 1
        node = node.next
    return n


def get_intersection_node(head_a, head_b):
    la, lb = _length(head_a), _length(head_b)
    pa, pb = head_a, head_b
    for _ in range(la - lb):
        pa = pa.next
    for _ in range(lb - la):
        pb = pb.next
    while pa is not None and pa.val != pb.val:
        pa, pb = pa.next, pb.next
    return pa
