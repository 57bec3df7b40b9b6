"""Binary search for the first position whose value is >= target, over the half-open range
[lo, hi): everything before lo is < target, everything from hi on is >= target. That position is
where target is, or where it would be inserted to keep the order."""


def search_insert(nums, target: int) -> int:
    lo, hi = 0, len(nums)
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] < target:
            lo = mid + 1  # nums[mid] and everything before it are too small
        else:
            hi = mid  # nums[mid] >= target: the answer is mid or earlier
    return lo
