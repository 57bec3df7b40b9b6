def exist(board: list[list[str]], word: str) -> bool:
    """True if word can be traced through side-adjacent cells of board, each cell used at most once."""
    raise NotImplementedError
