"""Binary search against the right end. In a rotated sorted array of distinct values, if
nums[mid] > nums[hi] the drop (and the minimum) lies strictly right of mid; otherwise mid..hi is
sorted and the minimum is at mid or to its left. The range always contains the minimum."""


def find_min(nums) -> int:
    lo, hi = 0, len(nums) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] > nums[hi]:
            lo = mid + 1  # mid is in the left, higher part: the minimum is after it
        else:
            hi = mid  # mid..hi is sorted: the minimum is mid or before it
    return nums[lo]
