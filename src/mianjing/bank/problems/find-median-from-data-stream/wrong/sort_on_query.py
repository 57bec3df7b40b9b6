"""Appends each number and sorts the whole list whenever the median is asked for."""


class MedianFinder:
    def __init__(self):
        self.values: list[int] = []

    def addNum(self, num: int) -> None:
        self.values.append(num)

    def findMedian(self) -> float:
        s = sorted(self.values)
        n = len(s)
        if n % 2:
            return float(s[n // 2])
        return (s[n // 2 - 1] + s[n // 2]) / 2
