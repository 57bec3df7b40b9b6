def longest_consecutive(nums: list[int]) -> int:
    """Return the length of the longest run of consecutive integers whose values all occur in nums, in O(n)."""
    raise NotImplementedError
