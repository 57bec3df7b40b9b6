"""Read row by row, the matrix is one sorted list of m * n values, so one binary search over flat
positions 0 .. m*n - 1 finds target, mapping position p to matrix[p // n][p % n]."""


def search_matrix(matrix, target: int) -> bool:
    m, n = len(matrix), len(matrix[0])
    lo, hi = 0, m * n  # half-open range of flat positions
    while lo < hi:
        mid = (lo + hi) // 2
        value = matrix[mid // n][mid % n]  # row mid // n, column mid % n
        if value == target:
            return True
        if value < target:
            lo = mid + 1
        else:
            hi = mid
    return False
