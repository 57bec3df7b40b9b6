def coin_change(coins: list[int], amount: int) -> int:
    """Fewest coins (each denomination usable any number of times) summing to amount, or -1 if impossible."""
    raise NotImplementedError
