def word_break(s: str, word_dict: list[str]) -> bool:
    """True if s can be split into a sequence of one or more dictionary words (each usable any number of times)."""
    raise NotImplementedError
