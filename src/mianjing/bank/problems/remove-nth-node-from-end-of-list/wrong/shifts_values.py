"""Walks to the n-th node from the end and copies every following value one node back, then drops
the last node (the trick for deleting a node you only have a pointer to). The values come out
right, but the target node stays and the last node goes."""


def remove_nth_from_end(head, n):
    length = 0
    node = head
    while node is not None:
        length += 1
        node = node.next
    if length == 1:
        return None
    node = head
    for _ in range(length - n):
        node = node.next
    while node.next is not None:
        node.val = node.next.val
        if node.next.next is None:
            node.next = None
            break
        node = node.next
    else:
        # the target is the last node: unlink it from its predecessor
        prev = head
        while prev.next is not node:
            prev = prev.next
        prev.next = None
    return head
