def single_number(nums: list[int]) -> int:
    """Every value in nums appears twice except one, which appears once: return it (O(n) time, O(1) space)."""
    raise NotImplementedError
