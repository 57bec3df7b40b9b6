class LRUCache:
    """A cache of at most `capacity` key-value pairs that evicts the least recently used key."""

    def __init__(self, capacity: int):
        raise NotImplementedError

    def get(self, key: int) -> int:
        """The value stored for key (and mark key as used), or -1 if it is not cached."""
        raise NotImplementedError

    def put(self, key: int, value: int) -> None:
        """Store value for key (and mark key as used); evict the least recently used key if full."""
        raise NotImplementedError
