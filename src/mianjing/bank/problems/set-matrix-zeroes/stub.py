def set_zeroes(matrix: list[list[int]]) -> None:
    """Wherever an element is 0, set its whole row and column to 0. Modify matrix in place; return None."""
    raise NotImplementedError
