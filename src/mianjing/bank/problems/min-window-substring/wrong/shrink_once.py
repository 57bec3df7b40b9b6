"""Once the window covers t it drops at most one character from the left per new character on
the right (`if` where `while` is needed), so the windows it records are not minimal."""

from collections import Counter


def min_window(s, t):
    need = Counter(t)
    window = Counter()
    required, formed = len(need), 0
    best = ""
    left = 0
    for right, c in enumerate(s):
        window[c] += 1
        if c in need and window[c] == need[c]:
            formed += 1
        if formed == required:  # should be a while loop
            if not best or right - left + 1 < len(best):
                best = s[left:right + 1]
            d = s[left]
            window[d] -= 1
            if d in need and window[d] < need[d]:
                formed -= 1
            left += 1
    return best
