"""Two pointers with running maxima. The water above bar i is min(max left of i, max right of i)
- height[i] (maxima including i). Walking in from both ends, the side whose current bar is lower is
settled: its own running maximum is at most the other side's bar, hence at most the other side's
true maximum, so the running maximum is the water level there. O(n) time, O(1) space."""


def trap(height: list[int]) -> int:
    left, right = 0, len(height) - 1
    left_max = right_max = 0  # highest bar in height[:left + 1] and height[right:] so far
    water = 0
    while left < right:
        if height[left] < height[right]:
            # a bar at least as high stands at `right`: the level over `left` is left_max
            left_max = max(left_max, height[left])
            water += left_max - height[left]
            left += 1
        else:
            right_max = max(right_max, height[right])
            water += right_max - height[right]
            right -= 1
    return water
