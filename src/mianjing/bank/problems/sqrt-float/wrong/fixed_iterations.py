"""A fixed 20 Newton steps from r = x. While r is far above the root each step only about halves
it, so for large x (say 1e20) twenty steps are nowhere near enough."""


def float_sqrt(x):
    if x == 0:
        return 0.0
    r = float(x)
    for _ in range(20):
        r = (r + x / r) / 2
    return r
