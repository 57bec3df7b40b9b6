def unique_paths(m: int, n: int) -> int:
    """Number of paths from the top-left to the bottom-right cell of an m x n grid, moving only right or down."""
    raise NotImplementedError
