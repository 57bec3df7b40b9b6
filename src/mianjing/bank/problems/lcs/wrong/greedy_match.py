"""Walks text1 and matches each character with its next occurrence in text2 after the previous
match. Taking the first possible match can skip past a longer common subsequence."""


def longest_common_subsequence(text1, text2):
    pos = 0
    count = 0
    for a in text1:
        k = text2.find(a, pos)
        if k != -1:
            count += 1
            pos = k + 1
    return count
