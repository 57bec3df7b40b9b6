"""Mistake: the right formula, computed naively. For each bar it takes the maximum of everything to
its left and everything to its right again: O(n) per bar, O(n^2) in all."""


def trap(height: list[int]) -> int:
    water = 0
    for i in range(len(height)):
        level = min(max(height[: i + 1]), max(height[i:]))
        water += level - height[i]
    return water
