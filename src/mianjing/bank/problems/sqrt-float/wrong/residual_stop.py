"""Newton's method that stops when |r*r - x| < 1e-6, an absolute test on the residual.

For tiny x it stops while r is still far from the root (any r below 1e-3 already passes); for large
x the gaps between neighbouring floats near x exceed 1e-6, so the test never holds and it loops."""


def float_sqrt(x):
    if x == 0:
        return 0.0
    r = max(float(x), 1.0)
    while abs(r * r - x) >= 1e-6:
        r = (r + x / r) / 2
    return r
