"""Collects every value, sorts them and builds a brand-new list: the values are right and the time
is fine, but none of the given nodes is in the answer."""


def merge_k_lists(lists):
    values = []
    for node in lists:
        while node is not None:
            values.append(node.val)
            node = node.next
    dummy = ListNode()  # noqa: F821
    tail = dummy
    for v in sorted(values):
        tail.next = ListNode(v)  # noqa: F821
        tail = tail.next
    return dummy.next
