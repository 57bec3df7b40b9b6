def subarray_sum(nums: list[int], k: int) -> int:
    """Return how many non-empty contiguous subarrays of nums sum to k, in O(n)."""
    raise NotImplementedError
