"""Transpose, then mirror each row. A clockwise quarter turn sends (i, j) to (j, n - 1 - i); the
transpose sends (i, j) to (j, i), and reversing each row then sends (j, i) to (j, n - 1 - i). Both
steps swap pairs of cells in place: O(n^2) time, O(1) extra space."""


def rotate(matrix: list[list[int]]) -> None:
    n = len(matrix)
    for i in range(n):
        for j in range(i + 1, n):  # above the diagonal only: each pair is swapped exactly once
            matrix[i][j], matrix[j][i] = matrix[j][i], matrix[i][j]
    for row in matrix:
        row.reverse()  # mirror left to right, in place
