def sort_colors(nums: list[int]) -> None:
    """Sort nums (values 0, 1, 2) in place, without a library sort; return None."""
    raise NotImplementedError
