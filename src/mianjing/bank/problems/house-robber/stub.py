def rob(nums: list[int]) -> int:
    """Most money from houses in a row when no two adjacent houses may both be robbed."""
    raise NotImplementedError
