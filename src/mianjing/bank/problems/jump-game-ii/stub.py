def jump(nums: list[int]) -> int:
    """Fewest jumps from index 0 to the last index; nums[i] is the longest jump from i (the end is reachable)."""
    raise NotImplementedError
