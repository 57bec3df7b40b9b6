"""Mistake: sorts the values and extends the current run while each value is one more than the
previous one. A repeated value (2, 2) is not "one more", so it resets the run instead of being
skipped."""


def longest_consecutive(nums: list[int]) -> int:
    if not nums:
        return 0
    nums = sorted(nums)
    best = length = 1
    for prev, x in zip(nums, nums[1:]):
        if x == prev + 1:
            length += 1
        else:
            length = 1
        best = max(best, length)
    return best
