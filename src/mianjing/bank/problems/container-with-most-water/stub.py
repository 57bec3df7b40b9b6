def max_area(height: list[int]) -> int:
    """Return the most water a container formed by two of the vertical lines can hold, in O(n)."""
    raise NotImplementedError
