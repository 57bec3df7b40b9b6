"""Counts each distinct value with list.count (a full scan per value), then picks the top k."""

import heapq


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    counts = {v: nums.count(v) for v in set(nums)}
    return [v for _, v in heapq.nlargest(k, ((c, v) for v, c in counts.items()))]
