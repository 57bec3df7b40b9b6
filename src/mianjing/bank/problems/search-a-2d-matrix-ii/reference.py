"""Staircase walk from the top-right corner. There every value to the left is smaller and every
value below is larger, so one comparison rules out a whole column (value too large: go left) or a
whole row (value too small: go down). At most m + n steps: O(m + n) time, O(1) space."""


def search_matrix(matrix: list[list[int]], target: int) -> bool:
    m, n = len(matrix), len(matrix[0])
    r, c = 0, n - 1  # top-right corner
    while r < m and c >= 0:
        v = matrix[r][c]
        if v == target:
            return True
        if v > target:
            c -= 1  # everything below in column c is >= v > target: drop the column
        else:
            r += 1  # everything left in row r is <= v < target: drop the row
    return False
