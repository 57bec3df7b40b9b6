def can_jump(nums: list[int]) -> bool:
    """Start at index 0; nums[i] is the longest jump from index i. True if the last index can be reached."""
    raise NotImplementedError
