class Trie:
    """A prefix tree of lowercase words."""

    def __init__(self):
        raise NotImplementedError

    def insert(self, word: str) -> None:
        raise NotImplementedError

    def search(self, word: str) -> bool:
        """True if word was inserted."""
        raise NotImplementedError

    def startsWith(self, prefix: str) -> bool:
        """True if some inserted word starts with prefix."""
        raise NotImplementedError
