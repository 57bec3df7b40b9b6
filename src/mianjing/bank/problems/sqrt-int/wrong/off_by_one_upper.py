"""Returns the first r with r * r >= x (the ceiling) instead of the floor."""


def my_sqrt(x):
    lo, hi = 0, x
    while lo < hi:
        mid = (lo + hi) // 2
        if mid * mid < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
