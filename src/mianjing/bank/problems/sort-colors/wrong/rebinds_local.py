"""Counts the colours and builds the sorted list, but binds it to the local name `nums`: the list
the caller passed in is never changed."""


def sort_colors(nums: list[int]) -> None:
    counts = [0, 0, 0]
    for x in nums:
        counts[x] += 1
    nums = [0] * counts[0] + [1] * counts[1] + [2] * counts[2]  # noqa: F841 - the mistake
