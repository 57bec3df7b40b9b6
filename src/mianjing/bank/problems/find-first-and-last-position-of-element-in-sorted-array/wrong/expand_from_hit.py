"""Finds some occurrence by binary search, then walks outwards one element at a time."""


def search_range(nums, target: int) -> list[int]:
    lo, hi = 0, len(nums) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if nums[mid] == target:
            first = last = mid
            while first > 0 and nums[first - 1] == target:
                first -= 1
            while last + 1 < len(nums) and nums[last + 1] == target:
                last += 1
            return [first, last]
        if nums[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return [-1, -1]
