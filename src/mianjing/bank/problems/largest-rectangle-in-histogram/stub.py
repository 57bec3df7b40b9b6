def largest_rectangle_area(heights: list[int]) -> int:
    """Area of the largest rectangle inside the histogram whose bars (width 1) have these heights."""
    raise NotImplementedError
