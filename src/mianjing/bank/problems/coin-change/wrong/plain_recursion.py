"""Tries every coin as the next one, recursively, and keeps the best: the same remaining amounts are
solved over and over."""


def coin_change(coins: list[int], amount: int) -> int:
    def fewest(a: int) -> float:
        if a == 0:
            return 0
        best = float("inf")
        for c in coins:
            if c <= a:
                best = min(best, 1 + fewest(a - c))
        return best

    result = fewest(amount)
    return -1 if result == float("inf") else int(result)
