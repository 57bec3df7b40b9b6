"""Compares every pair of positions: read-only and O(1) space, but O(n^2) time."""


def find_duplicate(nums: list[int]) -> int:
    n = len(nums)
    for i in range(n):
        for j in range(i + 1, n):
            if nums[i] == nums[j]:
                return nums[i]
    raise ValueError("no duplicate")
