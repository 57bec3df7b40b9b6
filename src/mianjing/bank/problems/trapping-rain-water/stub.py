def trap(height: list[int]) -> int:
    """Return how many units of rain water the elevation map (bar widths 1) holds, in O(n)."""
    raise NotImplementedError
