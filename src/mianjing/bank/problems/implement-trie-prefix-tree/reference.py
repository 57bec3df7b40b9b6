"""A trie: each node maps the next character to a child and remembers whether a word ends there.
A word is found if its path exists and ends on a marked node; a prefix only needs the path. Every
operation walks one node per character: O(length of the word)."""


class Trie:
    def __init__(self):
        self.root: dict = {}  # character -> child node; the key END marks the end of a word

    END = "$end"  # not a lowercase letter, so it cannot collide with a child

    def insert(self, word: str) -> None:
        node = self.root
        for ch in word:
            node = node.setdefault(ch, {})
        node[self.END] = True  # only the last node of the word is marked

    def _walk(self, s: str):
        """The node reached by following s from the root, or None if the path breaks off."""
        node = self.root
        for ch in s:
            node = node.get(ch)
            if node is None:
                return None
        return node

    def search(self, word: str) -> bool:
        node = self._walk(word)
        return node is not None and self.END in node

    def startsWith(self, prefix: str) -> bool:
        return self._walk(prefix) is not None
