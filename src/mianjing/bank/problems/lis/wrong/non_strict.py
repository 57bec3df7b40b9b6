"""The tails method with bisect_right: an element equal to a tail is appended after it, so runs of
equal values count as increasing."""

from bisect import bisect_right


def length_of_lis(nums):
    tails = []
    for x in nums:
        k = bisect_right(tails, x)  # should be bisect_left
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)
