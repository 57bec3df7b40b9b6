def subsets(nums: list[int]) -> list[list[int]]:
    """Return every subset of the distinct integers in nums (the power set), in any order."""
    raise NotImplementedError
