"""Marks each visited node by overwriting its val with a sentinel: it does find cycles in O(1) extra
memory, but the caller's list comes back with its values destroyed."""

_VISITED = object()


def has_cycle(head):
    node = head
    while node is not None:
        if node.val is _VISITED:
            return True
        node.val = _VISITED
        node = node.next
    return False
