def merge(intervals: list[list[int]]) -> list[list[int]]:
    """Merge all overlapping (or touching) intervals [start, end]; return the disjoint result, in O(n log n)."""
    raise NotImplementedError
