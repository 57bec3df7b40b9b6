"""Patience sorting: tails[k] is the smallest possible last element of a strictly increasing
subsequence of length k + 1 among the elements seen so far. tails stays sorted, so each element
finds its place by binary search: O(n log n)."""

from bisect import bisect_left


def length_of_lis(nums: list[int]) -> int:
    tails: list[int] = []
    for x in nums:
        k = bisect_left(tails, x)  # first tail >= x; bisect_left keeps the subsequence strict
        if k == len(tails):
            tails.append(x)  # x extends the longest subsequence so far
        else:
            tails[k] = x  # a length-(k+1) subsequence can now end lower, at x
    return len(tails)
