def spiral_order(matrix: list[list[int]]) -> list[int]:
    """Return all elements of the m x n matrix in clockwise spiral order, starting at the top-left."""
    raise NotImplementedError
