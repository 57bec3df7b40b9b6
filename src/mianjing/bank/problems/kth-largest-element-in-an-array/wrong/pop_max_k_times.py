"""Removes the current maximum k - 1 times and returns the next maximum: each max() is O(n)."""


def find_kth_largest(nums: list[int], k: int) -> int:
    rest = list(nums)
    for _ in range(k - 1):
        rest.remove(max(rest))
    return max(rest)
