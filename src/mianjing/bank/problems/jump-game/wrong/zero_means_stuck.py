"""Treats any 0 before the last index as a dead end, as if every path had to step on it."""


def can_jump(nums: list[int]) -> bool:
    return 0 not in nums[:-1]
