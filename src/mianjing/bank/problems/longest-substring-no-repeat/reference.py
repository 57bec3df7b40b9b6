"""Sliding window: s[left:right+1] never repeats a character; `last` remembers where each was seen."""


def length_of_longest_substring(s: str) -> int:
    last: dict[str, int] = {}  # character -> index of its latest occurrence
    left = 0  # the window is s[left : right + 1]
    best = 0
    for right, c in enumerate(s):
        seen = last.get(c, -1)
        if seen >= left:  # c already occurs inside the window: start just after that occurrence
            left = seen + 1
        last[c] = right
        if right - left + 1 > best:
            best = right - left + 1
    return best
