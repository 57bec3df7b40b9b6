"""O(1) extra space: the first row and the first column serve as the markers. matrix[i][0] = 0
means "clear row i", matrix[0][j] = 0 means "clear column j". Whether the first row and the first
column must themselves be cleared is saved in two flags beforehand, because their cells are about
to be overwritten by markers, and they are cleared last, after the markers were read. O(m n) time."""


def set_zeroes(matrix: list[list[int]]) -> None:
    m, n = len(matrix), len(matrix[0])
    first_row_zero = any(matrix[0][j] == 0 for j in range(n))
    first_col_zero = any(matrix[i][0] == 0 for i in range(m))
    for i in range(1, m):  # mark: a 0 inside sets the markers of its row and its column
        for j in range(1, n):
            if matrix[i][j] == 0:
                matrix[i][0] = 0
                matrix[0][j] = 0
    for i in range(1, m):  # clear the inner cells from the markers
        for j in range(1, n):
            if matrix[i][0] == 0 or matrix[0][j] == 0:
                matrix[i][j] = 0
    if first_row_zero:  # only now: the first row held column markers until here
        for j in range(n):
            matrix[0][j] = 0
    if first_col_zero:
        for i in range(m):
            matrix[i][0] = 0
