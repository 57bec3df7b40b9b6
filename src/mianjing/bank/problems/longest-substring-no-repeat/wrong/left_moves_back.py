"""Jumps left to last[c] + 1 even when that occurrence is already left of the window, so on "abba"
the window moves back to include the first 'b' and a repeated 'a' window is counted."""


def length_of_longest_substring(s):
    last = {}
    left = best = 0
    for right, c in enumerate(s):
        if c in last:
            left = last[c] + 1  # should be max(left, last[c] + 1)
        last[c] = right
        best = max(best, right - left + 1)
    return best
