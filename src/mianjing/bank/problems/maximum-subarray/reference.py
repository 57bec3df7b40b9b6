"""Kadane's algorithm: cur is the best sum of a subarray that ends at the current element. It
either extends the best subarray ending one step earlier or starts afresh at the element, whichever
is larger. The answer is the best cur seen. O(n) time, O(1) space."""


def max_sub_array(nums: list[int]) -> int:
    best = cur = nums[0]  # the subarray must be non-empty: start from the first element
    for x in nums[1:]:
        cur = max(x, cur + x)  # a negative running sum only hurts: start over at x
        best = max(best, cur)
    return best
