def num_squares(n: int) -> int:
    """Fewest perfect squares (1, 4, 9, 16, ...) that sum to n."""
    raise NotImplementedError
