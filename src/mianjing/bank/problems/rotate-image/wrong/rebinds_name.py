"""Mistake: builds the rotated matrix (reversed rows, zipped into columns) and assigns it to the
parameter name. That rebinds a local variable; the caller's matrix is unchanged."""


def rotate(matrix: list[list[int]]) -> None:
    matrix = [list(row) for row in zip(*matrix[::-1])]
