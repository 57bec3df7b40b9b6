def majority_element(nums: list[int]) -> int:
    """Return the value that appears more than len(nums) // 2 times (O(n) time, O(1) extra space)."""
    raise NotImplementedError
