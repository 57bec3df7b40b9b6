"""The recurrence written as plain recursion: each call branches three ways on a mismatch and the
same (i, j) pairs are recomputed over and over."""


def min_distance(word1: str, word2: str) -> int:
    def d(i: int, j: int) -> int:
        if i == 0:
            return j
        if j == 0:
            return i
        if word1[i - 1] == word2[j - 1]:
            return d(i - 1, j - 1)
        return 1 + min(d(i - 1, j), d(i, j - 1), d(i - 1, j - 1))

    return d(len(word1), len(word2))
