def can_partition(nums: list[int]) -> bool:
    """True if nums can be split into two subsets with equal sums."""
    raise NotImplementedError
