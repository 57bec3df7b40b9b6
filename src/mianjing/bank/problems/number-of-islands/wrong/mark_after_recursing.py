"""A recursive flood fill that sinks a cell only after visiting its neighbours: two neighbouring
land cells keep calling each other and the recursion never ends."""


def num_islands(grid: list[list[str]]) -> int:
    m, n = len(grid), len(grid[0])

    def sink(i: int, j: int) -> None:
        if i < 0 or j < 0 or i >= m or j >= n or grid[i][j] != "1":
            return
        sink(i + 1, j)
        sink(i - 1, j)
        sink(i, j + 1)
        sink(i, j - 1)
        grid[i][j] = "0"  # too late: the neighbours already came back here

    count = 0
    for i in range(m):
        for j in range(n):
            if grid[i][j] == "1":
                count += 1
                sink(i, j)
    return count
