"""Dynamic programming over prefixes, keeping two rows.

dp[i][j] = LCS length of text1[:i] and text2[:j]:
  dp[i][j] = dp[i-1][j-1] + 1                 if text1[i-1] == text2[j-1]
           = max(dp[i-1][j], dp[i][j-1])      otherwise
"""


def longest_common_subsequence(text1: str, text2: str) -> int:
    n = len(text2)
    prev = [0] * (n + 1)  # row i-1
    for a in text1:
        cur = [0] * (n + 1)  # row i; cur[0] = 0 (empty prefix of text2)
        for j in range(1, n + 1):
            if a == text2[j - 1]:
                cur[j] = prev[j - 1] + 1
            else:
                cur[j] = prev[j] if prev[j] > cur[j - 1] else cur[j - 1]
        prev = cur
    return prev[n]
