"""Only two candidates: the tallest bar alone, and the full width at the shortest bar's height."""


def largest_rectangle_area(heights: list[int]) -> int:
    return max(max(heights), min(heights) * len(heights))
