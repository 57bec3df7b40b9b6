"""Expand around every centre: a palindrome is symmetric about its middle, which is either a
character (odd length) or the gap between two characters (even length). There are 2n - 1 centres
and each expansion costs at most the palindrome's length: O(n^2) in the worst case, O(1) space."""


def longest_palindrome(s: str) -> str:
    best_lo, best_hi = 0, 0  # s[best_lo:best_hi] is the best palindrome so far (empty at first)
    n = len(s)
    for centre in range(2 * n - 1):
        lo = centre // 2
        hi = lo + centre % 2  # odd centre: lo == hi; even centre: the gap between lo and lo + 1
        while lo >= 0 and hi < n and s[lo] == s[hi]:
            lo -= 1
            hi += 1
        # the loop stopped one step too far on both sides: the palindrome is s[lo + 1:hi]
        if hi - lo - 1 > best_hi - best_lo:
            best_lo, best_hi = lo + 1, hi
    return s[best_lo:best_hi]
