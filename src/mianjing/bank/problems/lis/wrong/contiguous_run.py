"""Finds the longest run of consecutive increasing elements: a subarray, not a subsequence."""


def length_of_lis(nums):
    if not nums:
        return 0
    best = run = 1
    for a, b in zip(nums, nums[1:]):
        run = run + 1 if b > a else 1
        best = max(best, run)
    return best
