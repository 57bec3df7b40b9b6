"""A min-heap of the k largest values seen so far: its root is the smallest of them, i.e. the k-th
largest. Each new value larger than the root replaces it. O(n log k) time, O(k) space."""

import heapq


def find_kth_largest(nums: list[int], k: int) -> int:
    heap = nums[:k]
    heapq.heapify(heap)  # the k first values; heap[0] is the smallest of them
    for x in nums[k:]:
        if x > heap[0]:
            heapq.heapreplace(heap, x)  # drop the smallest of the k, keep x
    return heap[0]  # the smallest of the k largest = the k-th largest
