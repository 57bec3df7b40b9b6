"""Cases for word-break: the examples, the whole string one word, a word reused, greedy traps,
prefixes that match but lead nowhere, the 'aaa...ab' worst case for plain recursion, and random
strings built from (or nearly from) random dictionaries."""

import numpy as np

from mianjing.problems.case import Case


def _word(rng: np.random.Generator, n: int, alphabet: str) -> str:
    return "".join(alphabet[int(i)] for i in rng.integers(0, len(alphabet), size=n))


def _instance(rng: np.random.Generator, pieces: int, spoil: bool) -> dict:
    words = sorted({_word(rng, int(rng.integers(1, 6)), "ab") for _ in range(int(rng.integers(2, 8)))})
    s = "".join(words[int(rng.integers(0, len(words)))] for _ in range(pieces))
    if spoil:  # one foreign letter somewhere: usually no split exists any more
        at = int(rng.integers(0, len(s) + 1))
        s = s[:at] + "c" + s[at:]
    return {"s": s, "word_dict": words}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"s": "sunflower", "word_dict": ["sun", "flower"]}, hidden=False),
        Case("example-2", {"s": "redbluered", "word_dict": ["red", "blue"]}, hidden=False),
        Case("example-3", {"s": "moonlighto", "word_dict": ["moon", "moonlight", "light", "lighthouse"]}, hidden=False),
        Case("edge-exponential", {"s": "a" * 40 + "b", "word_dict": ["a", "aa", "aaa", "aaaa", "aaaaa"]},
             note="'aaa...ab': every split of the a's is tried and fails at the b"),
        Case("edge-whole-word", {"s": "mianjing", "word_dict": ["mianjing"]}),
        Case("edge-greedy-trap", {"s": "aaaaaa", "word_dict": ["aaaa", "aaa"]}, note="aaa + aaa, not aaaa + ..."),
        Case("edge-earlier-cut", {"s": "abcd", "word_dict": ["a", "abc", "b", "cd"]}, note="a + b + cd needs a cut before the latest one"),
        Case("edge-no-split", {"s": "abc", "word_dict": ["ab", "bc"]}),
        Case("edge-single-letter", {"s": "z", "word_dict": ["y"]}),
        Case("edge-long-reuse", {"s": "ab" * 150, "word_dict": ["ab", "aba", "b"]}, note="300 characters"),
    ]
    for k in range(10):
        out.append(Case(f"random-{k + 1}", _instance(rng, int(rng.integers(1, 20)), spoil=k % 3 == 2)))
    for k in range(2):
        out.append(Case(f"random-long-{k + 1}", _instance(rng, 60, spoil=k == 1), note="long strings of short words"))
    return out
