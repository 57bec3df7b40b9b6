"""Mistake: the slicing one-liner without reducing k. For k > n, nums[-k:] is the whole list and
nums[:-k] is empty, so the list is written back unrotated."""


def rotate(nums: list[int], k: int) -> None:
    nums[:] = nums[-k:] + nums[:-k]
