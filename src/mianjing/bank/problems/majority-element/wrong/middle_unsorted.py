"""Remembers that the majority sits at index n // 2, but forgets that this holds after sorting."""


def majority_element(nums: list[int]) -> int:
    return nums[len(nums) // 2]
