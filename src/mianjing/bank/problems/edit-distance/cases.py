"""Cases for edit-distance: the examples, empty words, equal words, one word a prefix, suffix or
subsequence of the other, completely different words, shifted words (where position-by-position
comparison fails), the largest words, and random pairs over small alphabets."""

import numpy as np

from mianjing.problems.case import Case


def _word(rng: np.random.Generator, n: int, alphabet: str = "abcd") -> str:
    return "".join(alphabet[int(i)] for i in rng.integers(0, len(alphabet), size=n))


def _mutate(rng: np.random.Generator, w: str, edits: int) -> str:
    chars = list(w)
    for _ in range(edits):
        op = int(rng.integers(0, 3))
        pos = int(rng.integers(0, len(chars) + 1))
        if op == 0 or not chars:
            chars.insert(pos, "abcd"[int(rng.integers(0, 4))])
        elif op == 1:
            del chars[min(pos, len(chars) - 1)]
        else:
            chars[min(pos, len(chars) - 1)] = "abcd"[int(rng.integers(0, 4))]
    return "".join(chars)


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"word1": "bridge", "word2": "ridges"}, hidden=False),
        Case("example-2", {"word1": "sketch", "word2": "kitchen"}, hidden=False),
        Case("edge-both-empty", {"word1": "", "word2": ""}),
        Case("edge-first-empty", {"word1": "", "word2": "abc"}),
        Case("edge-second-empty", {"word1": "abcd", "word2": ""}),
        Case("edge-equal", {"word1": "same", "word2": "same"}),
        Case("edge-prefix", {"word1": "abc", "word2": "abcxyz"}),
        Case("edge-shifted", {"word1": "abcdef", "word2": "zabcdef"}, note="one insertion at the front shifts every position"),
        Case("edge-disjoint", {"word1": "aaaa", "word2": "bbb"}),
        Case("edge-subsequence", {"word1": "axbycz", "word2": "abc"}),
        Case("edge-exponential", {"word1": _word(rng, 14, "ab"), "word2": _word(rng, 14, "cd")},
             note="14 characters each, no common letter: the plain recursion branches three ways everywhere"),
    ]
    for k in range(8):
        w = _word(rng, int(rng.integers(0, 25)))
        out.append(Case(f"random-{k + 1}", {"word1": w, "word2": _mutate(rng, w, int(rng.integers(0, 8)))}))
    for k in range(2):
        out.append(Case(f"random-unrelated-{k + 1}", {"word1": _word(rng, int(rng.integers(1, 30))),
                                                       "word2": _word(rng, int(rng.integers(1, 30)))}))
    w = _word(rng, 500, "abcdefghijklmnopqrstuvwxyz")
    out.append(Case("large-close", {"word1": w, "word2": _mutate(rng, w, 40)}, note="500 characters, about 40 edits apart"))
    out.append(Case("large-unrelated", {"word1": _word(rng, 500), "word2": _word(rng, 480)}, note="500 and 480 characters"))
    return out
