"""Mistake: solves the other matrix search (LeetCode 74), where each row starts after the previous
one ends. It binary-searches the first column for the last row starting at or below the target and
then searches that row only; here an earlier row can hold the target too."""

from bisect import bisect_left, bisect_right


def search_matrix(matrix: list[list[int]], target: int) -> bool:
    firsts = [row[0] for row in matrix]
    r = bisect_right(firsts, target) - 1
    if r < 0:
        return False
    row = matrix[r]
    i = bisect_left(row, target)
    return i < len(row) and row[i] == target
