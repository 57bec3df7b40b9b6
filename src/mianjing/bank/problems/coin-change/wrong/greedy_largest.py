"""Greedy by denomination: as many of the largest coin as fit, then the next largest. Correct for
some coin systems (1, 2, 5, ...), not for all."""


def coin_change(coins: list[int], amount: int) -> int:
    count = 0
    for c in sorted(coins, reverse=True):
        count += amount // c
        amount %= c
    return count if amount == 0 else -1
