"""Two lower-bound binary searches: the first index holding a value >= target, and the first
holding a value >= target + 1. The run of target lies between them (values are integers)."""


def _lower_bound(nums, value: int) -> int:
    """The first index i with nums[i] >= value (len(nums) if there is none)."""
    lo, hi = 0, len(nums)
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] < value:
            lo = mid + 1
        else:
            hi = mid
    return lo


def search_range(nums, target: int) -> list[int]:
    first = _lower_bound(nums, target)
    if first == len(nums) or nums[first] != target:
        return [-1, -1]  # target is absent
    return [first, _lower_bound(nums, target + 1) - 1]  # the run ends just before the next value
