"""Cases for lcs: the examples, empty-answer and identical-string edges, random strings over small
alphabets (many matches, where greedy choices go wrong), and a complexity series m = n."""

import numpy as np

from mianjing.problems.case import Case


def _rand(rng: np.random.Generator, n: int, alphabet: str) -> str:
    return "".join(alphabet[i] for i in rng.integers(0, len(alphabet), size=n))


def _relabel(rng: np.random.Generator, case: Case) -> Case:
    """The same edge with its letters renamed at random (per seed): its structure is what it tests,
    and fixed strings could be learnt once and answered from a table."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    perm = dict(zip(letters, (letters[i] for i in rng.permutation(26))))
    inputs = {k: "".join(perm.get(ch, ch) for ch in v) for k, v in case.inputs.items()}
    return Case(case.name, inputs, hidden=case.hidden, note=case.note)


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"text1": "plant", "text2": "pat"}, hidden=False),
        Case("example-2", {"text1": "moon", "text2": "moon"}, hidden=False),
        Case("example-3", {"text1": "xyz", "text2": "qrs"}, hidden=False),
        Case("example-4", {"text1": "kbam", "text2": "mpbk"}, hidden=False),
        Case("edge-single-equal", {"text1": "a", "text2": "a"}),
        Case("edge-single-differ", {"text1": "a", "text2": "b"}),
        Case("edge-greedy-trap", {"text1": "abcd", "text2": "bcda"},
             note="matching the first letter first blocks a longer match"),
        Case("edge-reversed", {"text1": "abcdefgh", "text2": "hgfedcba"}),
        Case("edge-repeats", {"text1": "aaaa", "text2": "aa"}),
        Case("edge-skip-both", {"text1": "xaybz", "text2": "paqbr"},
             note="matches separated by mismatches on both sides"),
    ]
    out = [c if not c.hidden else _relabel(rng, c) for c in out]
    for k in range(6):
        alphabet = "abc" if k < 3 else "abcdefghijklmnopqrstuvwxyz"
        out.append(Case(f"random-{k + 1}", {"text1": _rand(rng, int(rng.integers(1, 40)), alphabet),
                                            "text2": _rand(rng, int(rng.integers(1, 40)), alphabet)}))
    out.append(Case("random-long-short", {"text1": _rand(rng, 300, "abcd"), "text2": _rand(rng, 5, "abcd")},
                    note="lengths 300 and 5"))
    for k, n in enumerate((50, 100, 200, 400)):
        out.append(Case(f"large-{k + 1}", {"text1": _rand(rng, n, "abcdefgh"), "text2": _rand(rng, n, "abcdefgh")},
                        size=n, note=f"two strings of length {n}"))
    return out
