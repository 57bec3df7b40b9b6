"""No tree: a list of the inserted words, scanned by every query."""


class Trie:
    def __init__(self):
        self.words: list[str] = []

    def insert(self, word: str) -> None:
        self.words.append(word)

    def search(self, word: str) -> bool:
        return word in self.words

    def startsWith(self, prefix: str) -> bool:
        return any(w.startswith(prefix) for w in self.words)
