def float_sqrt(x: float) -> float:
    """Return sqrt(x) for 0 <= x <= 1e30 with |r - sqrt(x)| <= 1e-6 * max(1, sqrt(x)), no library roots."""
    raise NotImplementedError
