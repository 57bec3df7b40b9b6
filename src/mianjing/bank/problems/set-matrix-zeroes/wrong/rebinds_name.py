"""Mistake: computes the answer in a new matrix and assigns it to the parameter name. That rebinds a
local variable; the caller's matrix, which the judge reads, is unchanged."""


def set_zeroes(matrix: list[list[int]]) -> None:
    rows = {i for i, row in enumerate(matrix) for v in row if v == 0}
    cols = {j for row in matrix for j, v in enumerate(row) if v == 0}
    matrix = [[0 if i in rows or j in cols else v for j, v in enumerate(row)] for i, row in enumerate(matrix)]
