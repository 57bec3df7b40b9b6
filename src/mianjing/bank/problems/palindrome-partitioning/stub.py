def partition(s: str) -> list[list[str]]:
    """Return every way to cut s into pieces that are all palindromes, in any order."""
    raise NotImplementedError
