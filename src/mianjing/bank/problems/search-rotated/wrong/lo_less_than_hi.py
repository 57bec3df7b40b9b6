"""Uses `while lo < hi` with hi = len(nums) - 1: when the interval shrinks to one element the
loop ends without looking at it."""


def search(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo < hi:  # should be lo <= hi for a closed interval
        mid = (lo + hi) // 2
        if nums[mid] == target:
            return mid
        if nums[lo] <= nums[mid]:
            if nums[lo] <= target < nums[mid]:
                hi = mid - 1
            else:
                lo = mid + 1
        else:
            if nums[mid] < target <= nums[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1
