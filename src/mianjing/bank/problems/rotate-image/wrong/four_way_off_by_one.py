"""Mistake: the layer-by-layer four-way swap with one index off by one. The cell that moves into
(layer, k) comes from row n - 1 - k; writing n - k reads one row past the end (IndexError) on the
first swap."""


def rotate(matrix: list[list[int]]) -> None:
    n = len(matrix)
    for layer in range(n // 2):
        last = n - 1 - layer
        for k in range(layer, last):
            top = matrix[layer][k]
            matrix[layer][k] = matrix[n - k][layer]  # should be n - 1 - k
            matrix[n - k][layer] = matrix[last][n - 1 - k]
            matrix[last][n - 1 - k] = matrix[k][last]
            matrix[k][last] = top
