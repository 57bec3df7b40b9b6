"""Bisects on [0, x]. For 0 < x < 1 the square root is larger than x, so the answer is outside the
interval and the search converges to x instead."""


def float_sqrt(x):
    lo, hi = 0.0, float(x)
    for _ in range(200):
        mid = (lo + hi) / 2
        if mid * mid < x:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2
