"""Mistake: for every start, extends the subarray to the right with a running sum. Correct, but
O(n^2): tens of thousands of numbers mean about a billion additions."""


def subarray_sum(nums: list[int], k: int) -> int:
    count = 0
    for i in range(len(nums)):
        s = 0
        for j in range(i, len(nums)):
            s += nums[j]
            if s == k:
                count += 1
    return count
