"""Tries each dictionary word as the next piece, recursively, with no memory of which suffixes
already failed."""


def word_break(s: str, word_dict: list[str]) -> bool:
    words = set(word_dict)

    def can(i: int) -> bool:
        if i == len(s):
            return True
        return any(s[i:j] in words and can(j) for j in range(i + 1, len(s) + 1))

    return can(0)
