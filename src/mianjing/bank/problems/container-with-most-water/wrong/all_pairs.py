"""Mistake: evaluates every pair of lines. Correct, but O(n^2) pairs: tens of thousands of lines
mean about a billion products."""


def max_area(height: list[int]) -> int:
    best = 0
    n = len(height)
    for i in range(n):
        for j in range(i + 1, n):
            best = max(best, min(height[i], height[j]) * (j - i))
    return best
