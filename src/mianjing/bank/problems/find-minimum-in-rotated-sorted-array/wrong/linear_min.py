"""Looks at every element: correct, O(n)."""


def find_min(nums) -> int:
    best = nums[0]
    for i in range(1, len(nums)):
        if nums[i] < best:
            best = nums[i]
    return best
