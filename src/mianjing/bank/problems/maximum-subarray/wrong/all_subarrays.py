"""Mistake: for every start, extends the subarray to the right with a running sum. Correct, but
O(n^2) additions: tens of thousands of numbers are too many."""


def max_sub_array(nums: list[int]) -> int:
    best = nums[0]
    for i in range(len(nums)):
        s = 0
        for j in range(i, len(nums)):
            s += nums[j]
            best = max(best, s)
    return best
