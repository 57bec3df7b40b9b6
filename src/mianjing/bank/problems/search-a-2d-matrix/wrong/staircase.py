"""Starts at the top-right corner: smaller than target -> next row, larger -> previous column.
Correct, but O(m + n) steps."""


def search_matrix(matrix, target: int) -> bool:
    i, j = 0, len(matrix[0]) - 1
    while i < len(matrix) and j >= 0:
        value = matrix[i][j]
        if value == target:
            return True
        if value < target:
            i += 1
        else:
            j -= 1
    return False
