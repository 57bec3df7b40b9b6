"""Peel the matrix layer by layer, shrinking four boundaries; re-check them before the two
returning sides so that a lone row or column is not walked twice."""


def spiral_order(matrix: list[list[int]]) -> list[int]:
    out: list[int] = []
    top, bottom = 0, len(matrix) - 1  # rows still to visit: top..bottom
    left, right = 0, len(matrix[0]) - 1  # columns still to visit: left..right
    while top <= bottom and left <= right:
        for c in range(left, right + 1):  # top row, left to right
            out.append(matrix[top][c])
        top += 1
        for r in range(top, bottom + 1):  # right column, downwards
            out.append(matrix[r][right])
        right -= 1
        if top <= bottom:  # a bottom row remains: right to left
            for c in range(right, left - 1, -1):
                out.append(matrix[bottom][c])
            bottom -= 1
        if left <= right:  # a left column remains: upwards
            for r in range(bottom, top - 1, -1):
                out.append(matrix[r][left])
            left += 1
    return out
