"""Mistake: counts the letters of every window from scratch. Correct, but each of the n - m + 1
windows costs O(m): O(n x m), quadratic when p is a quarter of s."""

from collections import Counter


def find_anagrams(s: str, p: str) -> list[int]:
    m = len(p)
    need = Counter(p)
    return [i for i in range(len(s) - m + 1) if Counter(s[i:i + m]) == need]
