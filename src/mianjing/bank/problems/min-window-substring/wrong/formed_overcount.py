"""Counts a character as satisfied every time window[c] >= need[c] after adding it, instead of only
when it first reaches need[c]. `formed` overshoots `required`, the shrink loop (formed == required)
is skipped, and minimal windows are missed."""

from collections import Counter


def min_window(s, t):
    need = Counter(t)
    window = Counter()
    required, formed = len(need), 0
    best = ""
    left = 0
    for right, c in enumerate(s):
        window[c] += 1
        if c in need and window[c] >= need[c]:  # should be ==
            formed += 1
        while formed == required and left <= right:
            if not best or right - left + 1 < len(best):
                best = s[left:right + 1]
            d = s[left]
            window[d] -= 1
            if d in need and window[d] < need[d]:
                formed -= 1
            left += 1
    return best
