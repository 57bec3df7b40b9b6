"""Counts how many ')' find an earlier unmatched '(' anywhere in the string, times 2: the matched
pairs may be separated by unmatched characters, so they do not form one substring."""


def longest_valid_parentheses(s: str) -> int:
    open_count = pairs = 0
    for ch in s:
        if ch == "(":
            open_count += 1
        elif open_count:
            open_count -= 1
            pairs += 1
    return 2 * pairs
