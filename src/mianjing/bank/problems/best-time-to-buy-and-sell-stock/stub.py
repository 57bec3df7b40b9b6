def max_profit(prices: list[int]) -> int:
    """Most profit from buying on one day and selling on a later day (0 if no profit is possible)."""
    raise NotImplementedError
