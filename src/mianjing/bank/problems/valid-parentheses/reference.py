"""A stack of the openers still waiting for their closer: a closer must match the most recent
unclosed opener (brackets may nest but not cross), and nothing may be left open at the end."""

PAIRS = {")": "(", "]": "[", "}": "{"}  # closer -> its opener


def is_valid(s: str) -> bool:
    stack = []
    for ch in s:
        if ch in PAIRS:
            if not stack or stack.pop() != PAIRS[ch]:  # no opener, or the wrong kind
                return False
        else:
            stack.append(ch)
    return not stack  # every opener was closed
