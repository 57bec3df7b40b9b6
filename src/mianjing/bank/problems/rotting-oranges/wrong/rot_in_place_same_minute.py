"""Simulates minute by minute by sweeping the grid and rotting the fresh neighbours of rotten
oranges in place: oranges rotted earlier in the same sweep already count as rotten."""


def oranges_rotting(grid: list[list[int]]) -> int:
    g = [row[:] for row in grid]
    rows, cols = len(g), len(g[0])
    minutes = 0
    while True:
        changed = False
        for r in range(rows):
            for c in range(cols):
                if g[r][c] == 2:
                    for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                        if 0 <= nr < rows and 0 <= nc < cols and g[nr][nc] == 1:
                            g[nr][nc] = 2
                            changed = True
        if not changed:
            break
        minutes += 1
    return -1 if any(1 in row for row in g) else minutes
