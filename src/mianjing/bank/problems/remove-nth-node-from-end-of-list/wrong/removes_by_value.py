"""Finds the value of the n-th node from the end, then removes the first node holding that value:
when the value also occurs earlier, the wrong node goes."""


def remove_nth_from_end(head, n):
    values = []
    node = head
    while node is not None:
        values.append(node.val)
        node = node.next
    target = values[len(values) - n]
    if head.val == target:
        return head.next
    prev = head
    while prev.next.val != target:
        prev = prev.next
    prev.next = prev.next.next
    return head
