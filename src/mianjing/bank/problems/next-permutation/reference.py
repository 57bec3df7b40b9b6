"""Next permutation in lexicographic order, in place. The longest non-increasing suffix is already
the largest arrangement of its values; the value just before it (the pivot) must grow by the
smallest possible step, and the suffix must then become as small as possible."""


def next_permutation(nums: list[int]) -> None:
    n = len(nums)
    # 1. the pivot: the last i with nums[i] < nums[i + 1]; everything after it is non-increasing
    i = n - 2
    while i >= 0 and nums[i] >= nums[i + 1]:
        i -= 1
    if i >= 0:
        # 2. the rightmost value in the suffix that is larger than the pivot: the smallest such value
        j = n - 1
        while nums[j] <= nums[i]:
            j -= 1
        nums[i], nums[j] = nums[j], nums[i]  # the suffix stays non-increasing after this swap
    # 3. reverse the suffix into ascending order: its smallest arrangement (all of it when i == -1,
    #    which wraps the last permutation around to the first)
    lo, hi = i + 1, n - 1
    while lo < hi:
        nums[lo], nums[hi] = nums[hi], nums[lo]
        lo, hi = lo + 1, hi - 1
