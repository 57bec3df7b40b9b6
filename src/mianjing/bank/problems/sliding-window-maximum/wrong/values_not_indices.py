"""Mistake: a monotonic deque of values instead of indices, popping values <= the new one, and
expiring the front when it equals the value leaving the window. After [5, 5] the deque holds one 5
(the newer, still inside), but the older 5 leaving the window removes it: [5, 5, 1] with k = 2
reports 1 for the window [5, 1], and when the removed 5 was the only entry the deque is empty and
window[0] raises IndexError."""

from collections import deque


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    window: deque[int] = deque()
    out: list[int] = []
    for i, x in enumerate(nums):
        while window and window[-1] <= x:
            window.pop()
        window.append(x)
        if i >= k and window[0] == nums[i - k]:
            window.popleft()
        if i >= k - 1:
            out.append(window[0])
    return out
