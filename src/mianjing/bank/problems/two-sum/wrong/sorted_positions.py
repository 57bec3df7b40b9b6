"""Mistake: sorts the values and meets in the middle with two pointers, which finds the right values
in O(n log n), but returns positions in the sorted copy instead of the indices in nums."""


def two_sum(nums: list[int], target: int) -> list[int]:
    values = sorted(nums)
    lo, hi = 0, len(values) - 1
    while lo < hi:
        s = values[lo] + values[hi]
        if s == target:
            return [lo, hi]
        if s < target:
            lo += 1
        else:
            hi -= 1
    return []
