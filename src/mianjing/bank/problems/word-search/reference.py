"""Backtracking from every cell: trace the word one letter at a time through side-adjacent cells.
A cell in the current path is marked (overwritten with '#') so it cannot be used twice, and
restored when the search backs out of it, so other paths may still use it. A letter count check
first rejects words the board cannot possibly spell."""

from collections import Counter

STEPS = ((1, 0), (-1, 0), (0, 1), (0, -1))


def exist(board: list[list[str]], word: str) -> bool:
    m, n = len(board), len(board[0])
    have = Counter(ch for row in board for ch in row)
    if any(have[ch] < k for ch, k in Counter(word).items()):
        return False  # some letter occurs too rarely: no path can exist

    def trace(r: int, c: int, k: int) -> bool:
        """Can word[k:] be traced starting at cell (r, c)?"""
        if board[r][c] != word[k]:  # also fails on '#': a cell already in the path
            return False
        if k == len(word) - 1:
            return True
        board[r][c] = "#"  # in the path: not usable again further down
        found = any(0 <= r + dr < m and 0 <= c + dc < n and trace(r + dr, c + dc, k + 1)
                    for dr, dc in STEPS)
        board[r][c] = word[k]  # backing out: other paths may use this cell
        return found

    for r in range(m):
        for c in range(n):
            if trace(r, c, 0):
                return True
    return False
