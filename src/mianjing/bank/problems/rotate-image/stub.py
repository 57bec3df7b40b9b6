def rotate(matrix: list[list[int]]) -> None:
    """Rotate the n x n matrix by 90 degrees clockwise, in place (modify matrix, return None)."""
    raise NotImplementedError
