"""For every bar, walk left and right while the bars are at least as tall: the rectangle of that
bar's height. Correct, but O(n) per bar when many bars are equal or monotone."""


def largest_rectangle_area(heights: list[int]) -> int:
    n = len(heights)
    best = 0
    for i, h in enumerate(heights):
        lo = i
        while lo > 0 and heights[lo - 1] >= h:
            lo -= 1
        hi = i
        while hi + 1 < n and heights[hi + 1] >= h:
            hi += 1
        best = max(best, h * (hi - lo + 1))
    return best
