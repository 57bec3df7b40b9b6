"""Greedy on the jump length: always jump as far as possible from the current index."""


def jump(nums: list[int]) -> int:
    i = jumps = 0
    while i < len(nums) - 1:
        i += nums[i]
        jumps += 1
    return jumps
