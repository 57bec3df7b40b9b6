"""A BFS from each rotten orange separately; the answer taken is the largest distance any of them
reaches. With several sources an orange rots when the nearest one reaches it, so this overcounts."""

from collections import deque


def oranges_rotting(grid: list[list[int]]) -> int:
    rows, cols = len(grid), len(grid[0])
    sources = [(r, c) for r in range(rows) for c in range(cols) if grid[r][c] == 2]
    reached, worst = set(), 0
    for source in sources:
        dist = {source: 0}
        queue = deque([source])
        while queue:
            r, c = queue.popleft()
            for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == 1 and (nr, nc) not in dist:
                    dist[(nr, nc)] = dist[(r, c)] + 1
                    queue.append((nr, nc))
        reached |= set(dist)
        worst = max(worst, max(dist.values()))
    fresh = {(r, c) for r in range(rows) for c in range(cols) if grid[r][c] == 1}
    return worst if fresh <= reached else -1
