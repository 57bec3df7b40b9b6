"""Cases for implement-trie-prefix-tree: the example, a word that is only a prefix, a prefix equal
to a whole word, repeated inserts, single letters, random operation sequences, and a complexity
series of long generated sequences."""

import numpy as np

from mianjing.problems.case import Case


def _ops(seq):
    return {"ops": [s[0] for s in seq], "args": [[s[1]] for s in seq]}


def _random(rng: np.random.Generator, n: int) -> dict:
    words, seq = [], []
    for _ in range(n):
        r = rng.random()
        if r < 0.4 or not words:
            w = "".join("abc"[int(i)] for i in rng.integers(0, 3, size=int(rng.integers(1, 6))))
            words.append(w)
            seq.append(("insert", w))
        else:
            base = words[int(rng.integers(0, len(words)))]
            w = base[: int(rng.integers(1, len(base) + 1))] if rng.random() < 0.6 else base + "a"
            seq.append(("search" if r < 0.7 else "startsWith", w))
    return _ops(seq)


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", _ops([("insert", "cart"), ("search", "cart"), ("search", "car"), ("startsWith", "car"),
                                ("insert", "car"), ("search", "car")]), hidden=False),
        Case("edge-prefix-not-word", _ops([("insert", "trie"), ("search", "tri"), ("startsWith", "tri")])),
        Case("edge-prefix-is-word", _ops([("insert", "cat"), ("startsWith", "cat"), ("search", "cat")]),
             note="a prefix equal to a whole word, with no longer word"),
        Case("edge-longer-query", _ops([("insert", "do"), ("search", "dog"), ("startsWith", "dog")])),
        Case("edge-repeat-insert", _ops([("insert", "a"), ("insert", "a"), ("search", "a"), ("startsWith", "b")])),
        Case("edge-shared-paths", _ops([("insert", "ab"), ("insert", "abc"), ("search", "a"), ("search", "ab"),
                                        ("search", "abc"), ("search", "abcd")])),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", _random(rng, int(rng.integers(5, 60)))))
    for k, n in enumerate((12_500, 25_000, 50_000, 100_000)):
        gen = {"n": n, "alphabet": "abcdefghij", "max_len": 12, "seed": int(rng.integers(0, 2**31))}
        out.append(Case(f"large-{k + 1}", {"generate": gen}, size=n, note=f"{n} operations"))
    return out
