"""Backtracking row by row. Each row gets exactly one queen, so the search only chooses its
column. A square (r, c) is attacked through its column c, its diagonal r - c (constant going down
and right) or its anti-diagonal r + c (constant going down and left): three sets make each test
O(1). A choice is undone after its subtree so the sets describe the current rows only."""


def solve_n_queens(n: int) -> list[list[str]]:
    result = []
    queens = []  # queens[r] = the column of the queen in row r
    cols, diagonals, anti_diagonals = set(), set(), set()

    def place(r: int) -> None:
        if r == n:  # every row has its queen
            result.append(["." * c + "Q" + "." * (n - c - 1) for c in queens])
            return
        for c in range(n):
            if c in cols or r - c in diagonals or r + c in anti_diagonals:
                continue
            queens.append(c)
            cols.add(c)
            diagonals.add(r - c)
            anti_diagonals.add(r + c)
            place(r + 1)
            queens.pop()  # undo: the next column of this row starts from a clean state
            cols.remove(c)
            diagonals.remove(r - c)
            anti_diagonals.remove(r + c)

    place(0)
    return result
