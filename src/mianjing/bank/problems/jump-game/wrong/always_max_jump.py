"""Greedy on the wrong quantity: always take the longest jump from where you stand."""


def can_jump(nums: list[int]) -> bool:
    i = 0
    while i < len(nums) - 1:
        if nums[i] == 0:
            return False
        i += nums[i]
    return True
