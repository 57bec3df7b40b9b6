"""Grid DP with one row of state: paths(i, j) = paths(i - 1, j) + paths(i, j - 1), since the last
move into (i, j) came either from above or from the left. The top row and left column have exactly
one path each (all right or all down)."""


def unique_paths(m: int, n: int) -> int:
    row = [1] * n  # paths to each cell of the current row; the top row is all ones
    for _ in range(1, m):
        for j in range(1, n):
            row[j] += row[j - 1]  # row[j] still holds the cell above; row[j - 1] is the cell to the left
    return row[-1]
