"""The O(1)-space counter method, but only its left-to-right pass: a run that never balances
because of extra '(' before it ('(()') is never measured. The right-to-left pass is missing."""


def longest_valid_parentheses(s: str) -> int:
    best = left = right = 0
    for ch in s:
        if ch == "(":
            left += 1
        else:
            right += 1
        if left == right:
            best = max(best, 2 * right)
        elif right > left:
            left = right = 0
    return best
