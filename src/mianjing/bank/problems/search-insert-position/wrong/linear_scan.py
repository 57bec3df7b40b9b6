"""Scans from the front: correct, but reads up to n elements."""


def search_insert(nums, target: int) -> int:
    i = 0
    while i < len(nums) and nums[i] < target:
        i += 1
    return i
