"""Newton's method in floating point, stopped at a relative tolerance, then truncated."""


def my_sqrt(x):
    if x == 0:
        return 0
    r = float(x)
    while abs(r * r - x) > 1e-3 * x:
        r = (r + x / r) / 2
    return int(r)
