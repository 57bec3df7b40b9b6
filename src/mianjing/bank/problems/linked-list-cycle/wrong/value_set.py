"""Remembers the values already seen instead of the nodes: a list that merely repeats a value is
reported as having a cycle."""


def has_cycle(head):
    seen = set()
    node = head
    while node is not None:
        if node.val in seen:
            return True
        seen.add(node.val)
        node = node.next
    return False
