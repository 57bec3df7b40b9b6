"""Mistake: max() over each window slice. Correct, but every window costs O(k): O(n k) in all,
quadratic when k is a quarter of n."""


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    return [max(nums[i:i + k]) for i in range(len(nums) - k + 1)]
