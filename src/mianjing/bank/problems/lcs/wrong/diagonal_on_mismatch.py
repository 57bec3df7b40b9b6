"""On a mismatch takes dp[i-1][j-1] (drop both characters) instead of the better of dropping one:
it misses subsequences that use text1[i-1] or text2[j-1] with an earlier partner."""


def longest_common_subsequence(text1, text2):
    m, n = len(text1), len(text2)
    dp = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            if text1[i - 1] == text2[j - 1]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = dp[i - 1][j - 1]  # should be max(dp[i-1][j], dp[i][j-1])
    return dp[m][n]
