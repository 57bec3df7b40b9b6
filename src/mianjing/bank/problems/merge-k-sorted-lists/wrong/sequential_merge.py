"""Merges the lists into the answer one at a time, each time walking the whole answer so far:
O(N * k) for N nodes in k lists, too slow when there are thousands of lists."""


def _merge(a, b):
    dummy = ListNode()  # noqa: F821
    tail = dummy
    while a is not None and b is not None:
        if a.val <= b.val:
            tail.next, a = a, a.next
        else:
            tail.next, b = b, b.next
        tail = tail.next
    tail.next = a if a is not None else b
    return dummy.next


def merge_k_lists(lists):
    merged = None
    for head in lists:
        merged = _merge(merged, head)
    return merged
