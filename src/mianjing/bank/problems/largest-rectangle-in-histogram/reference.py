"""Monotonic stack of bar indices with increasing heights. When a lower bar arrives, every taller
bar on the stack has found its right limit; its left limit is the bar below it on the stack, so its
largest rectangle is height * (right - left - 1). A 0-height sentinel at the end flushes the stack."""


def largest_rectangle_area(heights: list[int]) -> int:
    best = 0
    stack: list[int] = []  # indices; heights strictly increase from bottom to top
    for i, h in enumerate(heights + [0]):  # the sentinel 0 is lower than every bar
        while stack and heights[stack[-1]] >= h:
            height = heights[stack.pop()]
            left = stack[-1] if stack else -1  # the nearest lower bar on the left
            best = max(best, height * (i - left - 1))  # bars left+1 .. i-1 are all >= height
        stack.append(i)
    return best
