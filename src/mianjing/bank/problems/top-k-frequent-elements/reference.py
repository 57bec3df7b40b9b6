"""Count with a dictionary, then keep the k values with the highest counts in a size-k min-heap of
(count, value) pairs: the root is the weakest of the current top k. O(n + u log k) for u distinct
values."""

import heapq
from collections import Counter


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    counts = Counter(nums)  # value -> how often it occurs
    heap: list[tuple[int, int]] = []  # (count, value), the k most frequent so far
    for value, count in counts.items():
        if len(heap) < k:
            heapq.heappush(heap, (count, value))
        elif count > heap[0][0]:
            heapq.heapreplace(heap, (count, value))  # evict the least frequent of the top k
    return [value for _, value in heap]
