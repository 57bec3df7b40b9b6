"""Monotonic deque of indices. Their values strictly decrease from front to back, so the front is
the maximum of the window. An element smaller than (or equal to) a newer one can never be a
maximum again and is popped from the back; the front is dropped once it slides out. Every index
is pushed and popped at most once: O(n)."""

from collections import deque


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    window: deque[int] = deque()  # indices in the current window, values strictly decreasing
    out: list[int] = []
    for i, x in enumerate(nums):
        while window and nums[window[-1]] <= x:
            window.pop()  # dominated by x: older and not larger
        window.append(i)
        if window[0] <= i - k:
            window.popleft()  # the window is now nums[i - k + 1 .. i]
        if i >= k - 1:
            out.append(nums[window[0]])
    return out
