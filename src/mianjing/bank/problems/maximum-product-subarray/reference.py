"""For every end position keep both the largest and the smallest product of a subarray ending
there: multiplying by a negative number swaps their roles, so the smallest (most negative) product
can become the largest. A zero resets both to 0, and x alone restarts a subarray."""


def max_product(nums: list[int]) -> int:
    hi = lo = best = nums[0]  # largest and smallest product of a subarray ending at the current index
    for x in nums[1:]:
        candidates = (x, hi * x, lo * x)  # start fresh at x, or extend the best or the worst
        hi, lo = max(candidates), min(candidates)  # both from the previous hi and lo
        best = max(best, hi)
    return best
