"""Peels layers only while there are at least two rows and two columns left, so the final single
row, column or centre cell is never emitted."""


def spiral_order(matrix):
    out = []
    top, bottom, left, right = 0, len(matrix) - 1, 0, len(matrix[0]) - 1
    while top < bottom and left < right:
        for c in range(left, right):
            out.append(matrix[top][c])
        for r in range(top, bottom):
            out.append(matrix[r][right])
        for c in range(right, left, -1):
            out.append(matrix[bottom][c])
        for r in range(bottom, top, -1):
            out.append(matrix[r][left])
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    return out
