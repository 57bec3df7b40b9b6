"""best(i) = the most money from houses 0..i = max(best(i - 1), best(i - 2) + nums[i]): house i is
either skipped (the best of the houses before it) or robbed (then house i - 1 is not). Two
variables carry best(i - 2) and best(i - 1)."""


def rob(nums: list[int]) -> int:
    two_back, one_back = 0, 0  # best(i - 2), best(i - 1); 0 before the first house
    for x in nums:
        two_back, one_back = one_back, max(one_back, two_back + x)
    return one_back
