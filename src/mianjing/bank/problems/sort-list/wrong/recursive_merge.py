"""Merge sort whose merge step is recursive: one stack frame per node of the merged list, so the
last merge of a long list goes thousands of frames deep."""


def _merge(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a.val <= b.val:
        a.next = _merge(a.next, b)
        return a
    b.next = _merge(a, b.next)
    return b


def sort_list(head):
    if head is None or head.next is None:
        return head
    slow, fast = head, head.next
    while fast is not None and fast.next is not None:
        slow, fast = slow.next, fast.next.next
    second = slow.next
    slow.next = None
    return _merge(sort_list(head), sort_list(second))
