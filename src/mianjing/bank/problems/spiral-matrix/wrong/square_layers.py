"""Written for square matrices: the layers and the centre come from the column count n, so on a
wide matrix (more columns than rows) it reads rows that do not exist."""


def spiral_order(matrix):
    n = len(matrix[0])
    out = []
    for k in range(n // 2):
        last = n - 1 - k
        out += [matrix[k][c] for c in range(k, last)]
        out += [matrix[r][last] for r in range(k, last)]
        out += [matrix[last][c] for c in range(last, k, -1)]
        out += [matrix[r][k] for r in range(last, k, -1)]
    if n % 2 == 1:
        out.append(matrix[n // 2][n // 2])
    return out
