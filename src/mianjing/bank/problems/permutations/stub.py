def permute(nums: list[int]) -> list[list[int]]:
    """Return every ordering of the distinct integers in nums, in any order."""
    raise NotImplementedError
