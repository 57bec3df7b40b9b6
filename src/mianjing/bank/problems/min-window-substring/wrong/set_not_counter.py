"""A correct sliding window, except that t is reduced to its set of characters, each needed once:
t = "aa" is treated like t = "a"."""

from collections import Counter


def min_window(s, t):
    need = Counter(set(t))  # should be Counter(t)
    missing = sum(need.values())
    best_left, best_len = 0, len(s) + 1
    left = 0
    for right, c in enumerate(s):
        if need[c] > 0:
            missing -= 1
        need[c] -= 1
        if missing == 0:
            while need[s[left]] < 0:
                need[s[left]] += 1
                left += 1
            if right - left + 1 < best_len:
                best_left, best_len = left, right - left + 1
            need[s[left]] += 1
            missing += 1
            left += 1
    return s[best_left:best_left + best_len] if best_len <= len(s) else ""
