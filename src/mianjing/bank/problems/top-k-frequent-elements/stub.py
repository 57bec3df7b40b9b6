def top_k_frequent(nums: list[int], k: int) -> list[int]:
    """The k values that occur most often in nums, in any order (the answer is unique)."""
    raise NotImplementedError
