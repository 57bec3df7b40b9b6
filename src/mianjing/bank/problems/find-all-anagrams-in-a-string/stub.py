def find_anagrams(s: str, p: str) -> list[int]:
    """Return every start index i such that s[i:i + len(p)] is an anagram of p (any order), in O(len(s))."""
    raise NotImplementedError
