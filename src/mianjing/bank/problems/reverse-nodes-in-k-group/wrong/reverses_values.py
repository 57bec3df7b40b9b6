"""Collects each full group's nodes and reverses their values in place: the values read right, but
the nodes never moved, which the statement forbids."""


def reverse_k_group(head, k):
    node = head
    while True:
        group = []
        probe = node
        while probe is not None and len(group) < k:
            group.append(probe)
            probe = probe.next
        if len(group) < k:
            return head
        values = [g.val for g in group][::-1]
        for g, v in zip(group, values):
            g.val = v
        node = probe
