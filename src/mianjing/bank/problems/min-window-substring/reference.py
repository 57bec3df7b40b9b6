"""Sliding window with a count of the characters still missing: grow on the right until the
window covers t, then shrink from the left while it still does, remembering the shortest."""

from collections import Counter


def min_window(s: str, t: str) -> str:
    need = Counter(t)  # how many more of each character the window needs (negative: surplus)
    missing = len(t)  # characters of t (with multiplicity) not yet covered by the window
    best_left, best_len = 0, len(s) + 1
    left = 0
    for right, c in enumerate(s):
        if need[c] > 0:
            missing -= 1
        need[c] -= 1
        if missing == 0:  # s[left..right] covers t: drop surplus characters on the left
            while need[s[left]] < 0:
                need[s[left]] += 1
                left += 1
            if right - left + 1 < best_len:
                best_left, best_len = left, right - left + 1
            # give up s[left]: the window stops covering t, and the search continues to the right
            need[s[left]] += 1
            missing += 1
            left += 1
    return s[best_left:best_left + best_len] if best_len <= len(s) else ""
