"""A stack of indices. The bottom of the stack is the index just before the current run of valid
parentheses (initially -1, before the string); above it sit the indices of '(' not matched yet.
When a ')' matches, the valid substring ending here starts right after the new top of the stack."""


def longest_valid_parentheses(s: str) -> int:
    stack = [-1]  # the boundary: the last position that no valid substring can cross
    best = 0
    for i, ch in enumerate(s):
        if ch == "(":
            stack.append(i)
        else:
            stack.pop()  # match with the '(' on top, or drop the boundary
            if not stack:
                stack.append(i)  # an unmatched ')': it becomes the new boundary
            else:
                best = max(best, i - stack[-1])  # the run starts after the top of the stack
    return best
