def min_path_sum(grid: list[list[int]]) -> int:
    """Smallest sum of the cells on a path from the top-left to the bottom-right cell, moving only right or down."""
    raise NotImplementedError
