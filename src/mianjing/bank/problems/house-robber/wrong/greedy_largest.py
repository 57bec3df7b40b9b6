"""Greedy: repeatedly rob the richest house whose neighbours are not robbed. One rich house can
block two neighbours that are worth more together ([3, 4, 3])."""


def rob(nums: list[int]) -> int:
    n = len(nums)
    blocked = [False] * n
    total = 0
    for i in sorted(range(n), key=lambda i: -nums[i]):
        if not blocked[i]:
            total += nums[i]
            for j in (i - 1, i, i + 1):
                if 0 <= j < n:
                    blocked[j] = True
    return total
