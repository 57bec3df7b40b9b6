"""Grid DP with one row of state: best(i, j) = grid[i][j] + min(best(i - 1, j), best(i, j - 1)),
because the last move into (i, j) came from above or from the left. Costs are non-negative, but the
recurrence does not need that: every path is monotone, so there are no cycles to worry about."""


def min_path_sum(grid: list[list[int]]) -> int:
    m, n = len(grid), len(grid[0])
    best = [0] * n
    best[0] = grid[0][0]
    for j in range(1, n):  # top row: only reachable from the left
        best[j] = best[j - 1] + grid[0][j]
    for i in range(1, m):
        best[0] += grid[i][0]  # left column: only reachable from above
        for j in range(1, n):
            best[j] = grid[i][j] + min(best[j], best[j - 1])  # best[j] is the cell above, best[j-1] the left one
    return best[-1]
