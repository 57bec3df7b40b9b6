"""Count the connected components of '1' cells (4-neighbourhood). Each unvisited land cell starts a
new island, and a flood fill marks the whole island as visited. The fill is an explicit stack, so
the depth of an island never matters; the grid is copied into a visited set instead of being
overwritten."""


def num_islands(grid: list[list[str]]) -> int:
    rows, cols = len(grid), len(grid[0])
    seen: set[tuple[int, int]] = set()
    islands = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] != "1" or (r, c) in seen:
                continue
            islands += 1  # a land cell no earlier island reached: a new island
            seen.add((r, c))
            stack = [(r, c)]
            while stack:  # flood fill: everything 4-connected to (r, c)
                i, j = stack.pop()
                for ni, nj in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                    if 0 <= ni < rows and 0 <= nj < cols and grid[ni][nj] == "1" and (ni, nj) not in seen:
                        seen.add((ni, nj))
                        stack.append((ni, nj))
    return islands
