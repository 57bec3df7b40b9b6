"""Compares position by position and adds the length difference: right when the only edits are
replacements and appends at the end, wrong as soon as an insertion or deletion shifts the rest."""


def min_distance(word1: str, word2: str) -> int:
    mismatches = sum(1 for a, b in zip(word1, word2) if a != b)
    return mismatches + abs(len(word1) - len(word2))
