"""Tries every path by recursion without memoisation: exponential in m + n."""


def min_path_sum(grid: list[list[int]]) -> int:
    m, n = len(grid), len(grid[0])

    def best(i: int, j: int) -> int:
        if i == 0 and j == 0:
            return grid[0][0]
        options = []
        if i > 0:
            options.append(best(i - 1, j))
        if j > 0:
            options.append(best(i, j - 1))
        return grid[i][j] + min(options)

    return best(m - 1, n - 1)
