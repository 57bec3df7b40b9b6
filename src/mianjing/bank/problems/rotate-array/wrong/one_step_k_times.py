"""Mistake: rotates by one position k times, each time shifting every element one place right.
Correct (with k reduced mod n), but O(n k): about n^2 / 2 moves when k is near n / 2."""


def rotate(nums: list[int], k: int) -> None:
    n = len(nums)
    for _ in range(k % n):
        last = nums[-1]
        for i in range(n - 1, 0, -1):
            nums[i] = nums[i - 1]
        nums[0] = last
