"""Mistake: adds up every positive number (or returns the largest element if none is positive).
That is the best sum of a subsequence; a subarray must be contiguous, so the negatives between
the positives cannot be skipped."""


def max_sub_array(nums: list[int]) -> int:
    positives = [x for x in nums if x > 0]
    return sum(positives) if positives else max(nums)
