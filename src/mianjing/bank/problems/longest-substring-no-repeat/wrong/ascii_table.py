"""Keeps the last positions in a 128-entry table indexed by ord(c): assumes ASCII input."""


def length_of_longest_substring(s):
    last = [-1] * 128
    left = best = 0
    for right, c in enumerate(s):
        if last[ord(c)] >= left:
            left = last[ord(c)] + 1
        last[ord(c)] = right
        best = max(best, right - left + 1)
    return best
