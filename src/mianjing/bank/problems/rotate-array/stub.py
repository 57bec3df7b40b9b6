def rotate(nums: list[int], k: int) -> None:
    """Rotate nums to the right by k steps, in place (modify nums, return None)."""
    raise NotImplementedError
