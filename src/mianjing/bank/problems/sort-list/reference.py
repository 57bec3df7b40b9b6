"""Top-down merge sort on the list: split at the middle, sort both halves, merge. ListNode comes
from the judge. The recursion is only log2(n) deep; the merge is a loop."""


def _merge(a, b):
    dummy = ListNode()  # noqa: F821 - a fixed node before the merged head
    tail = dummy
    while a is not None and b is not None:
        if a.val <= b.val:  # <= keeps equal values in their original order (stable)
            tail.next, a = a, a.next
        else:
            tail.next, b = b, b.next
        tail = tail.next
    tail.next = a if a is not None else b
    return dummy.next


def sort_list(head):
    if head is None or head.next is None:
        return head
    # fast starts one ahead, so slow stops at the last node of the first half: both halves non-empty
    slow, fast = head, head.next
    while fast is not None and fast.next is not None:
        slow = slow.next
        fast = fast.next.next
    second = slow.next
    slow.next = None  # cut the list in two
    return _merge(sort_list(head), sort_list(second))
