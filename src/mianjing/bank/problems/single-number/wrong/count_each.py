"""Counts every element with list.count: each call scans the whole list, O(n^2) in all."""


def single_number(nums: list[int]) -> int:
    for x in nums:
        if nums.count(x) == 1:
            return x
    raise ValueError("no single element")
