"""Splice the two sorted lists together behind a dummy node. ListNode comes from the judge."""


def merge_two_lists(list1, list2):
    dummy = ListNode()  # noqa: F821 - a fixed node before the answer's head: no special first step
    tail = dummy  # the last node of the merged part
    while list1 is not None and list2 is not None:
        if list1.val <= list2.val:
            tail.next = list1
            list1 = list1.next
        else:
            tail.next = list2
            list2 = list2.next
        tail = tail.next
    # one list is empty: the other one's remaining nodes are already sorted and all larger
    tail.next = list1 if list1 is not None else list2
    return dummy.next
