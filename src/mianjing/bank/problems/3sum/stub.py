def three_sum(nums: list[int]) -> list[list[int]]:
    """Return every distinct triplet of values [a, b, c] from different positions of nums with a + b + c == 0."""
    raise NotImplementedError
