def letter_combinations(digits: str) -> list[str]:
    """Return every string the digits 2-9 can spell on a phone keypad (one letter per digit), in any order."""
    raise NotImplementedError
