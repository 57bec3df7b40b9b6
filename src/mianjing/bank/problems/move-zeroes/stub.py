def move_zeroes(nums: list[int]) -> None:
    """Move every 0 of nums to the end, keeping the non-zeros in order. Modify nums in place; return None."""
    raise NotImplementedError
