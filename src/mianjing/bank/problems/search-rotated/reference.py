"""Binary search on a rotated sorted array: one of the halves around mid is always sorted, and
checking whether the target lies inside that sorted half decides which half to keep."""


def search(nums: list[int], target: int) -> int:
    lo, hi = 0, len(nums) - 1  # closed interval: the target, if present, is in nums[lo..hi]
    while lo <= hi:
        mid = (lo + hi) // 2
        if nums[mid] == target:
            return mid
        if nums[lo] <= nums[mid]:  # nums[lo..mid] is sorted (<=: lo may equal mid)
            if nums[lo] <= target < nums[mid]:
                hi = mid - 1
            else:
                lo = mid + 1
        else:  # nums[mid..hi] is sorted
            if nums[mid] < target <= nums[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1
