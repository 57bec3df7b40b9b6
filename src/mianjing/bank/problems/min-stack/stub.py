class MinStack:
    """A stack that also reports its minimum, every operation in O(1)."""

    def __init__(self):
        raise NotImplementedError

    def push(self, val: int) -> None:
        raise NotImplementedError

    def pop(self) -> None:
        """Remove the top element (the stack is not empty)."""
        raise NotImplementedError

    def top(self) -> int:
        raise NotImplementedError

    def getMin(self) -> int:
        raise NotImplementedError
