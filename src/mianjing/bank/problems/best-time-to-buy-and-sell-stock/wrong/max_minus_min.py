"""The spread between the highest and the lowest price, ignoring which comes first."""


def max_profit(prices: list[int]) -> int:
    return max(prices) - min(prices)
