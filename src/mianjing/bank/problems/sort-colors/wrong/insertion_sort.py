"""Insertion sort: in place and correct, but quadratic in the length of the list."""


def sort_colors(nums: list[int]) -> None:
    for j in range(1, len(nums)):
        x, k = nums[j], j - 1
        while k >= 0 and nums[k] > x:
            nums[k + 1] = nums[k]
            k -= 1
        nums[k + 1] = x
