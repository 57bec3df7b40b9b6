"""Counts every '1' cell, as if each cell were its own island."""


def num_islands(grid: list[list[str]]) -> int:
    return sum(row.count("1") for row in grid)
