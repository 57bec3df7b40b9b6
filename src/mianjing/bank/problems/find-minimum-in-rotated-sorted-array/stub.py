def find_min(nums) -> int:
    """Minimum of a sorted array of distinct integers rotated by an unknown amount; O(log n)."""
    raise NotImplementedError
