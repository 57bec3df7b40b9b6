"""Greedy: repeatedly cut off the longest dictionary word that starts the rest of the string, and
never reconsider a cut."""


def word_break(s: str, word_dict: list[str]) -> bool:
    words = sorted(set(word_dict), key=len, reverse=True)
    i = 0
    while i < len(s):
        for w in words:
            if s.startswith(w, i):
                i += len(w)
                break
        else:
            return False
    return True
