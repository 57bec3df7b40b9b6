"""Removes innermost pairs with str.replace until none is left: each round is O(n) and deep
nesting needs n/2 rounds."""


def is_valid(s: str) -> bool:
    while True:
        shorter = s.replace("()", "").replace("[]", "").replace("{}", "")
        if shorter == s:
            return s == ""
        s = shorter
