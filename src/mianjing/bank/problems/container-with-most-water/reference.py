"""Two pointers from both ends. The area of a pair is min(height) x width. Of the two current lines,
the shorter one cannot be part of a better pair with anything between them (the width only
shrinks and the level is capped by it), so it is dropped. Every pair that could beat the best is
still reachable: O(n)."""


def max_area(height: list[int]) -> int:
    left, right = 0, len(height) - 1
    best = 0
    while left < right:
        best = max(best, min(height[left], height[right]) * (right - left))
        if height[left] < height[right]:
            left += 1  # the left line is the bound: every narrower pair using it is no better
        else:
            right -= 1  # symmetric; on a tie either side may go
    return best
