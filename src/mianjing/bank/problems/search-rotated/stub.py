def search(nums: list[int], target: int) -> int:
    """nums: distinct ints, ascending then rotated. Return the index of target in nums, or -1. O(log n)."""
    raise NotImplementedError
