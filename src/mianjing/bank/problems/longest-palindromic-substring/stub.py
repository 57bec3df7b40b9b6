def longest_palindrome(s: str) -> str:
    """Return a longest substring of s that reads the same backwards (any one of them if several tie)."""
    raise NotImplementedError
