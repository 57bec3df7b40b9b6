"""Counts each element with list.count until one is frequent enough: a scan per element, O(n^2)."""


def majority_element(nums: list[int]) -> int:
    for x in nums:
        if nums.count(x) > len(nums) // 2:
            return x
    raise ValueError("no majority")
