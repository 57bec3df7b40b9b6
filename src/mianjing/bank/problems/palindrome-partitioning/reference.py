"""Backtracking over cut positions with a precomputed palindrome table. pal[i][j] says whether
s[i..j] is a palindrome: its ends match and the inside is one, so the table is filled from the
right (row i needs row i + 1). Then from each start, every palindromic piece s[start:end] is tried
as the next part, and the rest is partitioned recursively."""


def partition(s: str) -> list[list[str]]:
    n = len(s)
    pal = [[False] * n for _ in range(n)]
    for i in range(n - 1, -1, -1):  # from the right: pal[i + 1] is ready before row i
        for j in range(i, n):
            pal[i][j] = s[i] == s[j] and (j - i < 2 or pal[i + 1][j - 1])

    result = []
    path = []

    def backtrack(start: int) -> None:
        if start == n:  # the pieces cover all of s
            result.append(path[:])
            return
        for end in range(start + 1, n + 1):  # the next piece is s[start:end]
            if pal[start][end - 1]:
                path.append(s[start:end])
                backtrack(end)
                path.pop()

    backtrack(0)
    return result
