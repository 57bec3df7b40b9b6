def group_anagrams(strs: list[str]) -> list[list[str]]:
    """Group the words that are anagrams of each other; groups and words within a group in any order."""
    raise NotImplementedError
