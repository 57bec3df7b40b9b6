"""One pass: the best sale on day i buys at the cheapest price before it. Keep that cheapest price
and the best profit so far; not trading (profit 0) is always allowed."""


def max_profit(prices: list[int]) -> int:
    cheapest = prices[0]  # the lowest price seen so far: the best day to have bought
    best = 0  # doing nothing earns 0
    for p in prices[1:]:
        best = max(best, p - cheapest)  # sell today
        cheapest = min(cheapest, p)  # or remember today as a cheaper buy
    return best
