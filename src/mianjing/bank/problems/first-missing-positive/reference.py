"""Cyclic placement: use the array itself as the hash table. The answer is at most n + 1, so only
the values 1..n matter, and value v belongs at index v - 1. Swap every such value home; then the
first index i that does not hold i + 1 gives the answer. Each swap puts one value home for good, so
there are at most n swaps: O(n) time, O(1) extra space (the input is modified)."""


def first_missing_positive(nums: list[int]) -> int:
    n = len(nums)
    for i in range(n):
        # keep swapping until this slot holds a value that is out of range or already home
        # (the second test also stops on a duplicate, whose home holds the same value)
        while 1 <= nums[i] <= n and nums[nums[i] - 1] != nums[i]:
            home = nums[i] - 1
            nums[i], nums[home] = nums[home], nums[i]
    for i in range(n):
        if nums[i] != i + 1:
            return i + 1  # the first value that has no home-coming
    return n + 1  # 1..n are all present
