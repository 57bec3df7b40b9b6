def first_missing_positive(nums: list[int]) -> int:
    """Return the smallest positive integer that does not occur in nums, in O(n) time and O(1) extra space."""
    raise NotImplementedError
