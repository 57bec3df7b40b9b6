"""Cases for partition-labels: the examples, one letter, all distinct letters, one letter repeated,
letters that make one part span the whole string, interleaved parts, and random strings."""

import numpy as np

from mianjing.problems.case import Case

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _text(rng: np.random.Generator, n: int, k: int) -> str:
    return "".join(LETTERS[int(i)] for i in rng.integers(0, k, size=n))


def _blocks(rng: np.random.Generator, blocks: int) -> str:
    """Blocks over disjoint alphabets: the answer has (at least) one part per block."""
    letters = list(LETTERS)
    rng.shuffle(letters)
    out, used = [], 0
    for _ in range(blocks):
        k = int(rng.integers(1, 4))
        alphabet = "".join(letters[used:used + k])
        used += k
        out.append(_text(rng, int(rng.integers(1, 12)), len(alphabet)).translate(str.maketrans(LETTERS[:k], alphabet)))
    return "".join(out)


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"s": "abcaxyzyxqq"}, hidden=False),
        Case("example-2", {"s": "mnoppqnm"}, hidden=False),
        Case("edge-one-letter", {"s": "z"}),
        Case("edge-all-distinct", {"s": "abcdef"}),
        Case("edge-one-repeated", {"s": "qqqqq"}),
        Case("edge-spanning", {"s": "abcdea"}, note="the first letter returns at the end: one part"),
        Case("edge-inner-letter-stretches", {"s": "abacbdd"}, note="the part started by 'a' must also reach the last 'b'"),
        Case("edge-nested", {"s": "abba" + "cddc" + "e"}),
    ]
    for k in range(6):
        out.append(Case(f"random-{k + 1}", {"s": _text(rng, int(rng.integers(1, 60)), int(rng.integers(2, 27)))}))
    for k in range(4):
        out.append(Case(f"random-blocks-{k + 1}", {"s": _blocks(rng, int(rng.integers(2, 9)))}, note="blocks over disjoint letters"))
    out.append(Case("large", {"s": _blocks(rng, 8) * 1 + _text(rng, 400, 26)}, note="up to 500 characters"))
    return out
