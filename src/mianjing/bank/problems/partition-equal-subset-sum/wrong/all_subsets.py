"""Tries every subset by include/exclude recursion, with no memory of (index, remaining sum) pairs
already ruled out: 2^n paths when no split exists."""


def can_partition(nums: list[int]) -> bool:
    total = sum(nums)
    if total % 2:
        return False

    def can(i: int, remaining: int) -> bool:
        if remaining == 0:
            return True
        if i == len(nums) or remaining < 0:
            return False
        return can(i + 1, remaining - nums[i]) or can(i + 1, remaining)

    return can(0, total // 2)
