"""Sort, fix the smallest value, and find the other two with two pointers: O(n^2). Sorting also
makes equal values adjacent, so duplicate triplets are avoided by skipping a value equal to the one
just used, for the first and for the second element (the third then follows)."""


def three_sum(nums: list[int]) -> list[list[int]]:
    nums = sorted(nums)  # a sorted copy: the caller's list is left as it was
    n = len(nums)
    out: list[list[int]] = []
    for i in range(n - 2):
        a = nums[i]
        if a > 0:
            break  # the smallest of the three is positive: no later sum can be 0
        if i > 0 and a == nums[i - 1]:
            continue  # this first value was already tried, with every pair after it
        lo, hi = i + 1, n - 1
        while lo < hi:
            s = a + nums[lo] + nums[hi]
            if s < 0:
                lo += 1  # need a larger sum
            elif s > 0:
                hi -= 1  # need a smaller sum
            else:
                out.append([a, nums[lo], nums[hi]])
                lo += 1
                hi -= 1
                while lo < hi and nums[lo] == nums[lo - 1]:
                    lo += 1  # same second value would give the same triplet again
    return out
