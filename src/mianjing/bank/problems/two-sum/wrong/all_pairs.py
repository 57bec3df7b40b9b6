"""Mistake: tries every pair i < j. The answers are right, but that is O(n^2) comparisons; the large
hidden cases put the pair near the end, so it runs out of time."""


def two_sum(nums: list[int], target: int) -> list[int]:
    n = len(nums)
    for i in range(n):
        for j in range(i + 1, n):
            if nums[i] + nums[j] == target:
                return [i, j]
    return []
