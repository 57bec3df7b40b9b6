"""From every start, scan forward with a balance counter and record each balanced end: correct,
but O(n^2)."""


def longest_valid_parentheses(s: str) -> int:
    best = 0
    for i in range(len(s)):
        balance = 0
        for j in range(i, len(s)):
            balance += 1 if s[j] == "(" else -1
            if balance < 0:
                break
            if balance == 0:
                best = max(best, j - i + 1)
    return best
