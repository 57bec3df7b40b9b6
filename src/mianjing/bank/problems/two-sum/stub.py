def two_sum(nums: list[int], target: int) -> list[int]:
    """Return the indices [i, j] (i != j, any order) of the one pair with nums[i] + nums[j] == target, in O(n)."""
    raise NotImplementedError
