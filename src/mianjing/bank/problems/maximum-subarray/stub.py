def max_sub_array(nums: list[int]) -> int:
    """Return the largest sum of a non-empty contiguous subarray of nums, in O(n)."""
    raise NotImplementedError
