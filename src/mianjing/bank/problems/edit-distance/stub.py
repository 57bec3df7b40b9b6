def min_distance(word1: str, word2: str) -> int:
    """Fewest single-character insertions, deletions and replacements that turn word1 into word2."""
    raise NotImplementedError
