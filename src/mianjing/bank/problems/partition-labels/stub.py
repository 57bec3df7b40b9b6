def partition_labels(s: str) -> list[int]:
    """Split s into as many parts as possible so that each letter occurs in at most one part; return the part sizes in order."""
    raise NotImplementedError
