"""A min-heap holding the current head of every non-empty list. ListNode comes from the judge."""

import heapq


def merge_k_lists(lists):
    # (value, list index, node): the index breaks ties, so heapq never has to compare two nodes
    heap = [(node.val, i, node) for i, node in enumerate(lists) if node is not None]
    heapq.heapify(heap)
    dummy = ListNode()  # noqa: F821 - a fixed node before the merged head
    tail = dummy
    while heap:
        _, i, node = heapq.heappop(heap)  # the smallest head of all lists
        tail.next = node
        tail = node
        if node.next is not None:
            heapq.heappush(heap, (node.next.val, i, node.next))
    return dummy.next  # the last node taken ended its own list, so the answer ends with None
