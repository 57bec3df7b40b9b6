"""Correct window bookkeeping, but the window s[left..right] is measured as right - left."""


def length_of_longest_substring(s):
    last = {}
    left = best = 0
    for right, c in enumerate(s):
        if c in last and last[c] >= left:
            left = last[c] + 1
        last[c] = right
        best = max(best, right - left)
    return best
