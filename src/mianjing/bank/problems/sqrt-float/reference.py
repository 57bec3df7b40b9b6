"""Square root by Newton's method, started above the root so the iterates fall monotonically."""


def float_sqrt(x: float) -> float:
    x = float(x)
    if x == 0.0:
        return 0.0
    # Any start r >= sqrt(x) works: for x >= 1, sqrt(x) <= x; for x < 1, sqrt(x) < 1.
    r = x if x >= 1.0 else 1.0
    while True:
        nxt = 0.5 * (r + x / r)  # Newton step for f(r) = r*r - x; by AM-GM nxt >= sqrt(x)
        if nxt >= r:  # no more progress: r is the root to within rounding (a few ulps)
            return r
        r = nxt
