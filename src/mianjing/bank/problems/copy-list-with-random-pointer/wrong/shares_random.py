"""Copies the next chain into new nodes but sets each copy's random to the original node's random:
the copy's random links point back into the input list (a shallow copy of random)."""


def copy_random_list(head):
    dummy = Node(0)  # noqa: F821
    tail, node = dummy, head
    while node is not None:
        tail.next = Node(node.val, None, node.random)  # noqa: F821
        tail = tail.next
        node = node.next
    return dummy.next
