"""Simulates the walk with a direction vector and marks visited cells by overwriting them with 0;
a cell holding 0 looks visited before it is, so the walk turns or stops early."""


def spiral_order(matrix):
    m, n = len(matrix), len(matrix[0])
    grid = [row[:] for row in matrix]
    dirs = [(0, 1), (1, 0), (0, -1), (-1, 0)]
    r = c = d = 0
    out = []
    for _ in range(m * n):
        out.append(grid[r][c])
        grid[r][c] = 0
        nr, nc = r + dirs[d][0], c + dirs[d][1]
        if not (0 <= nr < m and 0 <= nc < n) or grid[nr][nc] == 0:
            d = (d + 1) % 4
            nr, nc = r + dirs[d][0], c + dirs[d][1]
            if not (0 <= nr < m and 0 <= nc < n) or grid[nr][nc] == 0:
                break
        r, c = nr, nc
    return out
