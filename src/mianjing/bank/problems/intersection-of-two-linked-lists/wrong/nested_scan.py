"""Brute force: for every node of A, walk all of B looking for the same node. O(m * n)."""


def get_intersection_node(head_a, head_b):
    a = head_a
    while a is not None:
        b = head_b
        while b is not None:
            if a is b:
                return a
            b = b.next
        a = a.next
    return None
