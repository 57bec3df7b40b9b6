"""Drops duplicates before selecting: [3, 3, 2] with k = 2 gives 2 instead of 3."""

import heapq


def find_kth_largest(nums: list[int], k: int) -> int:
    values = list(set(nums))
    heap = values[:k]
    heapq.heapify(heap)
    for x in values[k:]:
        if x > heap[0]:
            heapq.heapreplace(heap, x)
    return heap[0]
