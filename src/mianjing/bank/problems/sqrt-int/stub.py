def my_sqrt(x: int) -> int:
    """Return floor(sqrt(x)) for 0 <= x <= 2**31 - 1, without library square roots."""
    raise NotImplementedError
