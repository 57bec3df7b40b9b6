"""Every substring, longest first, checked by reversing it: O(n^2) substrings of O(n) each."""


def longest_palindrome(s: str) -> str:
    n = len(s)
    for length in range(n, 0, -1):
        for i in range(n - length + 1):
            t = s[i:i + length]
            if t == t[::-1]:
                return t
    return ""
