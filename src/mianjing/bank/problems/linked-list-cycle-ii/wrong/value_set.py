"""Remembers the values already seen instead of the nodes, and returns the first node whose value
repeats: wrong whenever values repeat, with or without a cycle."""


def detect_cycle(head):
    seen = set()
    node = head
    while node is not None:
        if node.val in seen:
            return node
        seen.add(node.val)
        node = node.next
    return None
