def longest_valid_parentheses(s: str) -> int:
    """Length of the longest substring of s (made of '(' and ')') that is a valid parentheses string."""
    raise NotImplementedError
