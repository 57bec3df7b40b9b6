def max_sliding_window(nums: list[int], k: int) -> list[int]:
    """Return the maximum of every window nums[i:i + k], from left to right, in O(n)."""
    raise NotImplementedError
