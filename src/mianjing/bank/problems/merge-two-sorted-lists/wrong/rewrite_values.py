"""Collects every value, sorts them, chains list1's nodes before list2's and writes the sorted
values into them: the values print right, but the nodes were not merged, their values were changed."""


def merge_two_lists(list1, list2):
    nodes = []
    for head in (list1, list2):
        while head is not None:
            nodes.append(head)
            head = head.next
    values = sorted(node.val for node in nodes)
    for node, following, value in zip(nodes, nodes[1:] + [None], values):
        node.next = following
        node.val = value
    return nodes[0] if nodes else None
