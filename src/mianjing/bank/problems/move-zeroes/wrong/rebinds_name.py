"""Mistake: builds the right order in a new list and assigns it to the parameter name. That only
rebinds the local variable; the caller's list, which the judge reads, is left unchanged."""


def move_zeroes(nums: list[int]) -> None:
    zeros = nums.count(0)
    nums = [x for x in nums if x != 0] + [0] * zeros
