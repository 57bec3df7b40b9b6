"""Backtracking on the number of '(' and ')' placed so far. A prefix can still be completed to a
well-formed string exactly when it has at most n '(' and never more ')' than '('; so add '(' while
fewer than n are placed, and ')' while it closes something open. Every branch then ends in a valid
string, and each valid string is reached by exactly one path."""


def generate_parenthesis(n: int) -> list[str]:
    result = []
    path = []

    def backtrack(opened: int, closed: int) -> None:
        if len(path) == 2 * n:  # n pairs: 2n characters
            result.append("".join(path))
            return
        if opened < n:
            path.append("(")
            backtrack(opened + 1, closed)
            path.pop()
        if closed < opened:  # a ')' must close an open '('
            path.append(")")
            backtrack(opened, closed + 1)
            path.pop()

    backtrack(0, 0)
    return result
