"""Levenshtein distance by DP over prefixes: d[i][j] = the fewest edits turning word1[:i] into
word2[:j]. The last edit either deletes word1[i-1], inserts word2[j-1], or replaces word1[i-1] by
word2[j-1] (free when they are equal). One row of the table at a time."""


def min_distance(word1: str, word2: str) -> int:
    m, n = len(word1), len(word2)
    prev = list(range(n + 1))  # d[0][j] = j: insert the first j characters of word2
    for i in range(1, m + 1):
        cur = [i] + [0] * n  # d[i][0] = i: delete the first i characters of word1
        for j in range(1, n + 1):
            if word1[i - 1] == word2[j - 1]:
                cur[j] = prev[j - 1]  # the last characters match: no edit needed for them
            else:
                cur[j] = 1 + min(
                    prev[j],  # delete word1[i - 1]
                    cur[j - 1],  # insert word2[j - 1]
                    prev[j - 1],  # replace word1[i - 1] by word2[j - 1]
                )
        prev = cur
    return prev[n]
