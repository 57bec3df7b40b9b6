"""Multi-source breadth-first search: all rotten oranges start the queue at minute 0, and each BFS
layer is one minute. An orange's time is its grid distance to the nearest rotten orange, and the
answer is the largest of these, or -1 if some fresh orange is never reached."""

from collections import deque


def oranges_rotting(grid: list[list[int]]) -> int:
    rows, cols = len(grid), len(grid[0])
    state = [row[:] for row in grid]  # a copy: the caller's grid is left as it was
    queue = deque((r, c) for r in range(rows) for c in range(cols) if state[r][c] == 2)
    fresh = sum(row.count(1) for row in state)
    minutes = 0
    while queue and fresh:
        minutes += 1  # one more layer: the oranges next to the current rotten front
        for _ in range(len(queue)):
            r, c = queue.popleft()
            for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= nr < rows and 0 <= nc < cols and state[nr][nc] == 1:
                    state[nr][nc] = 2
                    fresh -= 1
                    queue.append((nr, nc))
    return minutes if fresh == 0 else -1
