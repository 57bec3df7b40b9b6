"""Copies the values into a Python list, sorts it, and writes the values back into the nodes in
their original order: the printed values are sorted, but no node moved."""


def sort_list(head):
    values = []
    node = head
    while node is not None:
        values.append(node.val)
        node = node.next
    node = head
    for v in sorted(values):
        node.val = v
        node = node.next
    return head
