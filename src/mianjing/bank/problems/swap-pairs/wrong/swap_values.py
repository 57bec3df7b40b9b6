"""Swaps the values of each pair and leaves the links alone. The printed list looks right, but the
statement asks to move the nodes themselves (a node's val must stay with that node)."""


def swap_pairs(head):
    node = head
    while node is not None and node.next is not None:
        node.val, node.next.val = node.next.val, node.val
        node = node.next.next
    return head
