def search_matrix(matrix: list[list[int]], target: int) -> bool:
    """Return whether target occurs in the matrix whose rows and columns are sorted ascending, in O(m + n)."""
    raise NotImplementedError
