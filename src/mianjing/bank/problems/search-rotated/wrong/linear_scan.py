"""Looks the target up with list.index: correct, but O(n) per call."""


def search(nums, target):
    try:
        return nums.index(target)
    except ValueError:
        return -1
