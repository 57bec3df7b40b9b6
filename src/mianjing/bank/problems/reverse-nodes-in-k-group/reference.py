"""Reverse one full group of k at a time, iteratively, behind a dummy node. ListNode comes from the judge."""


def reverse_k_group(head, k):
    dummy = ListNode(0, head)  # noqa: F821 - the node before the first group
    group_prev = dummy  # always the node just before the next group
    while True:
        # find the group's k-th node; fewer than k nodes left means the rest stays as it is
        kth = group_prev
        for _ in range(k):
            kth = kth.next
            if kth is None:
                return dummy.next
        group_next = kth.next
        # reverse the group's links; its first node ends up pointing at group_next
        prev, curr = group_next, group_prev.next
        while curr is not group_next:
            rest = curr.next
            curr.next = prev
            prev = curr
            curr = rest
        first = group_prev.next  # the group's old first node, now its last
        group_prev.next = kth  # the old k-th node is the group's new first
        group_prev = first
