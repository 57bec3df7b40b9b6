def search_insert(nums, target: int) -> int:
    """Index of target in the sorted, distinct nums, or the index where it would be inserted; O(log n)."""
    raise NotImplementedError
