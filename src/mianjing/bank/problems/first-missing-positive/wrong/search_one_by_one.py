"""Mistake: tries 1, 2, 3, ... and tests each with `in nums`, a linear search of the list. Correct,
but O(n) per candidate: O(n^2) when the answer is close to n."""


def first_missing_positive(nums: list[int]) -> int:
    v = 1
    while v in nums:
        v += 1
    return v
