"""Longest common substring of s and its reverse, by DP. A palindrome is such a common substring,
but so is any substring whose mirror image occurs elsewhere in s ("abacd ... dcaba"), so the
result need not be a palindrome."""


def longest_palindrome(s: str) -> str:
    r = s[::-1]
    n = len(s)
    prev = [0] * (n + 1)
    best_len, best_end = 0, 0
    for i in range(1, n + 1):
        cur = [0] * (n + 1)
        for j in range(1, n + 1):
            if s[i - 1] == r[j - 1]:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best_len:
                    best_len, best_end = cur[j], i
        prev = cur
    return s[best_end - best_len:best_end]
