"""One sorted list kept with bisect.insort: finding the position is O(log n), but inserting shifts
all later elements, O(n) per number."""

import bisect


class MedianFinder:
    def __init__(self):
        self.values: list[int] = []

    def addNum(self, num: int) -> None:
        bisect.insort(self.values, num)

    def findMedian(self) -> float:
        n = len(self.values)
        if n % 2:
            return float(self.values[n // 2])
        return (self.values[n // 2 - 1] + self.values[n // 2]) / 2
