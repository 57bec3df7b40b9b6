def max_product(nums: list[int]) -> int:
    """Largest product of a non-empty contiguous subarray of nums."""
    raise NotImplementedError
