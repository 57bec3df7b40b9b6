"""Integer square root by binary search on the answer: the largest r with r * r <= x."""


def my_sqrt(x: int) -> int:
    lo, hi = 0, x  # invariant: lo * lo <= x, and every r > hi has r * r > x
    while lo < hi:
        mid = (lo + hi + 1) // 2  # round up so that lo = mid always makes progress
        if mid * mid <= x:
            lo = mid
        else:
            hi = mid - 1
    return lo
