"""Unbounded-knapsack DP over amounts: fewest[a] = 1 + min(fewest[a - c] for each coin c <= a). An
amount that no combination reaches keeps the sentinel amount + 1, which is more coins than any
real answer can use (every coin is at least 1)."""


def coin_change(coins: list[int], amount: int) -> int:
    unreachable = amount + 1
    fewest = [0] + [unreachable] * amount  # fewest[0] = 0: no coins make amount 0
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and fewest[a - c] + 1 < fewest[a]:
                fewest[a] = fewest[a - c] + 1  # the last coin is c
    return fewest[amount] if fewest[amount] != unreachable else -1
