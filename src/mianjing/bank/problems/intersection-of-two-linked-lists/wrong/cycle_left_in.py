"""Turns the problem into cycle detection by linking A's tail to B's head, finds the cycle entry with
Floyd's method, and forgets to unlink the tail again: the input lists are left changed."""


def get_intersection_node(head_a, head_b):
    tail = head_a
    while tail.next is not None:
        tail = tail.next
    tail.next = head_b  # now B's part of the structure loops back through the shared tail
    slow = fast = head_a
    while fast is not None and fast.next is not None:
        slow, fast = slow.next, fast.next.next
        if slow is fast:
            slow = head_a
            while slow is not fast:
                slow, fast = slow.next, fast.next
            return slow  # the cycle entry is the intersection; tail.next is still head_b
    tail.next = None
    return None
