def find_duplicate(nums: list[int]) -> int:
    """nums holds n + 1 integers in 1..n, exactly one value repeated (maybe many times): return it,
    without modifying nums and with O(1) extra space."""
    raise NotImplementedError
