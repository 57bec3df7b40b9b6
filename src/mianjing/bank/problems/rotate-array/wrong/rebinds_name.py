"""Mistake: computes the rotated list and assigns it to the parameter name. That rebinds the local
variable only; the caller's list, which the judge reads, is unchanged."""


def rotate(nums: list[int], k: int) -> None:
    k %= len(nums)
    nums = nums[-k:] + nums[:-k]
