def longest_common_subsequence(text1: str, text2: str) -> int:
    """Return the length of the longest subsequence common to text1 and text2 (0 if none)."""
    raise NotImplementedError
