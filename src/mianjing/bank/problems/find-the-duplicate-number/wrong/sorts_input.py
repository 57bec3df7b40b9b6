"""Sorts the input in place and scans for equal neighbours: the answer is right, but nums is changed."""


def find_duplicate(nums: list[int]) -> int:
    nums.sort()
    for a, b in zip(nums, nums[1:]):
        if a == b:
            return a
    raise ValueError("no duplicate")
