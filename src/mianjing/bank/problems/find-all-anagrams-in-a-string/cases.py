"""Cases for find-all-anagrams-in-a-string: the examples, p longer than s, p equal to s, one-letter
strings, overlapping matches, equal letter sets with different counts, random strings over small
alphabets, and a complexity series with a long p on which only the sliding window stays fast.

Indices may come in any order; `check` compares them sorted and rejects repeats."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case

LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _text(rng: np.random.Generator, n: int, alphabet: int) -> str:
    return "".join(LETTERS[rng.integers(0, alphabet, size=n)])


def _planted(rng: np.random.Generator, n: int, m: int, alphabet: int, plants: int) -> dict:
    """Random s of length n over the first `alphabet` letters, with shuffled copies of p written in."""
    p = _text(rng, m, alphabet)
    s = list(_text(rng, n, alphabet))
    for _ in range(plants):
        at = int(rng.integers(0, n - m + 1))
        s[at:at + m] = list(np.array(list(p))[rng.permutation(m)])
    return {"s": "".join(s), "p": p}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"s": "bcaxcabzab", "p": "abc"}, hidden=False),
        Case("example-2", {"s": "aaba", "p": "ab"}, hidden=False),
        Case("example-3", {"s": "ab", "p": "abc"}, hidden=False),
        Case("edge-equal-strings", {"s": "listen", "p": "silent"}),
        Case("edge-one-letter", {"s": "a", "p": "a"}),
        Case("edge-one-letter-miss", {"s": "a", "p": "b"}),
        Case("edge-all-same", {"s": "aaaaa", "p": "aa"}, note="overlapping matches"),
        Case("edge-counts-differ", {"s": "aabbab", "p": "abb"}, note="'aab' has p's letters but not its counts"),
        Case("edge-match-at-end", {"s": "xyzxyzba", "p": "ab"}),
        Case("edge-no-match", {"s": "abcdefg", "p": "zz"}),
    ]
    for k in range(8):
        n = int(rng.integers(1, 60))
        m = int(rng.integers(1, 6))
        out.append(Case(f"random-{k + 1}", {"s": _text(rng, n, 3), "p": _text(rng, m, 3)}))
    out.append(Case("random-long", _planted(rng, 5000, 50, 4, 30), note="5000 letters, p of 50"))
    for k, n in enumerate((4_000, 8_000, 16_000, 32_000)):
        out.append(Case(f"large-{k + 1}", _planted(rng, n, n // 4, 3, 8), size=n,
                        note=f"s of {n} letters, p of {n // 4}"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    answer = got.get("out")
    if not isinstance(answer, list) or not all(type(v) is int for v in answer):
        return CheckResult.failed("expected a list of int start indices")
    if len(set(answer)) != len(answer):
        return CheckResult.failed("an index is reported more than once")
    want = expected["out"]
    if sorted(answer) == want:
        return CheckResult.passed()
    extra = sorted(set(answer) - set(want))
    missing = sorted(set(want) - set(answer))
    if case.hidden:
        return CheckResult.failed(f"{len(extra)} indices that are not anagram starts, {len(missing)} starts missing")
    return CheckResult.failed(f"not anagram starts: {extra[:10]}; missing: {missing[:10]}")
