class MedianFinder:
    """Keeps a stream of integers and reports its median at any time."""

    def __init__(self):
        raise NotImplementedError

    def addNum(self, num: int) -> None:
        """Add num to the stream."""
        raise NotImplementedError

    def findMedian(self) -> float:
        """The median of all numbers added so far (the mean of the two middle ones for an even count)."""
        raise NotImplementedError
