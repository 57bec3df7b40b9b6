"""Checks every element, row by row."""


def search_matrix(matrix, target: int) -> bool:
    for i in range(len(matrix)):
        row = matrix[i]
        for j in range(len(row)):
            if row[j] == target:
                return True
    return False
