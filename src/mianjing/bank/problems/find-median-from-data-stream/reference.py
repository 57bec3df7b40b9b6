"""Two heaps split the stream at the median: `low` (a max-heap, stored negated) holds the smaller
half and `high` (a min-heap) the larger half, with len(low) == len(high) or len(high) + 1. The
median is then low's top, or the mean of both tops. Each number costs O(log n)."""

import heapq


class MedianFinder:
    def __init__(self):
        self.low: list[int] = []  # the smaller half, negated: -self.low[0] is its maximum
        self.high: list[int] = []  # the larger half: self.high[0] is its minimum

    def addNum(self, num: int) -> None:
        # pass num through low so that it lands on the correct side of the split...
        heapq.heappush(self.low, -num)
        heapq.heappush(self.high, -heapq.heappop(self.low))
        # ...then restore the size invariant: low has as many elements as high, or one more
        if len(self.high) > len(self.low):
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def findMedian(self) -> float:
        if len(self.low) > len(self.high):
            return float(-self.low[0])
        return (-self.low[0] + self.high[0]) / 2
