"""Checks every candidate up to x // 2 and keeps the last that fits: right answers, O(x) time."""


def my_sqrt(x):
    ans = 0
    for r in range(x // 2 + 2):
        if r * r <= x:
            ans = r
    return ans
