def find_kth_largest(nums: list[int], k: int) -> int:
    """The k-th largest value of nums (in sorted order, counting duplicates), without sorting."""
    raise NotImplementedError
