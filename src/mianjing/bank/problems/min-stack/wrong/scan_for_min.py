"""A plain list; getMin scans it with min(): O(n) per call."""


class MinStack:
    def __init__(self):
        self.values: list[int] = []

    def push(self, val: int) -> None:
        self.values.append(val)

    def pop(self) -> None:
        self.values.pop()

    def top(self) -> int:
        return self.values[-1]

    def getMin(self) -> int:
        return min(self.values)
