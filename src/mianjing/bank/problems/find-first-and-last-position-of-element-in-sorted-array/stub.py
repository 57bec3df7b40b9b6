def search_range(nums, target: int) -> list[int]:
    """[first index, last index] of target in the sorted nums, or [-1, -1]; O(log n)."""
    raise NotImplementedError
