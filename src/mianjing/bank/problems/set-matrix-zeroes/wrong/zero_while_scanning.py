"""Mistake: clears a row and a column the moment it meets a 0. The scan then meets the zeros it has
just written and clears their rows and columns too, so one 0 can wipe most of the matrix."""


def set_zeroes(matrix: list[list[int]]) -> None:
    m, n = len(matrix), len(matrix[0])
    for i in range(m):
        for j in range(n):
            if matrix[i][j] == 0:
                for c in range(n):
                    matrix[i][c] = 0
                for r in range(m):
                    matrix[r][j] = 0
