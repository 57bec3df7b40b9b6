"""Cases for decode-string: the examples, plain text, multi-digit counts, text before, between and
after brackets, deep nesting, random nested encodings, and an expansion of the maximal length."""

import numpy as np

from mianjing.problems.case import Case

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _encode(rng: np.random.Generator, depth: int) -> str:
    """A random valid encoding with nesting up to `depth` (expansions stay small)."""
    parts = []
    for _ in range(int(rng.integers(1, 4))):
        if depth > 0 and rng.random() < 0.6:
            parts.append(f"{int(rng.integers(1, 5))}[{_encode(rng, depth - 1)}]")
        else:
            parts.append("".join(LETTERS[int(i)] for i in rng.integers(0, 26, size=int(rng.integers(1, 4)))))
    return "".join(parts)


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"s": "2[x]3[yz]"}, hidden=False),
        Case("example-2", {"s": "2[k3[m]]"}, hidden=False),
        Case("example-3", {"s": "2[ab]3[c]de"}, hidden=False),
        Case("edge-plain", {"s": "mianjing"}),
        Case("edge-multi-digit", {"s": "12[ab]"}, note="a two-digit count"),
        Case("edge-hundreds", {"s": "300[x]"}),
        Case("edge-text-around", {"s": "ab2[c]de3[f]g"}),
        Case("edge-prefix-inside", {"s": "2[ab3[c]d]"}, note="text before and after an inner bracket"),
        Case("edge-deep", {"s": "2[" * 8 + "z" + "]" * 8}, note="8 levels: 256 z"),
        Case("edge-count-one", {"s": "1[a]1[1[b]]"}),
    ]
    for k in range(10):
        out.append(Case(f"random-{k + 1}", {"s": _encode(rng, int(rng.integers(1, 4)))}))
    out.append(Case("large-expansion", {"s": "10[" + "10[" + "10[abcdefghij]" + "]" + "]"}, note="an output of 10000 letters"))
    return out
