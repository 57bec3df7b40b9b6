"""A second stack holds, at each depth, the minimum of the stack up to that depth. Pushing records
min(val, previous minimum); popping drops both tops, which restores the previous minimum. Every
operation is O(1)."""


class MinStack:
    def __init__(self):
        self.values: list[int] = []
        self.mins: list[int] = []  # mins[i] = min(values[: i + 1])

    def push(self, val: int) -> None:
        self.values.append(val)
        self.mins.append(val if not self.mins else min(val, self.mins[-1]))

    def pop(self) -> None:
        self.values.pop()
        self.mins.pop()  # the minimum of what remains is the entry below

    def top(self) -> int:
        return self.values[-1]

    def getMin(self) -> int:
        return self.mins[-1]
