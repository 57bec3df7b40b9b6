def generate_parenthesis(n: int) -> list[str]:
    """Return every well-formed string of n pairs of parentheses, in any order."""
    raise NotImplementedError
