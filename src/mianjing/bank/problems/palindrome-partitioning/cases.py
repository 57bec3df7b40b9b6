"""Cases for palindrome-partitioning: the examples, one character, two equal and two different
characters, a whole-string palindrome, nested palindromes, all letters equal at the maximum length
(2^15 partitions), alternating letters, and random strings over two, three and 26 letters.

The partitions may come in any order, so `check` validates each (non-empty palindromic pieces that
concatenate to s), rejects repeats, and compares the count with the reference's."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.enumeration import check_enumeration
from mianjing.problems.case import Case

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _text(rng: np.random.Generator, n: int, alphabet: str) -> str:
    return "".join(alphabet[int(i)] for i in rng.integers(0, len(alphabet), size=n))


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"s": "noon"}, hidden=False),
        Case("example-2", {"s": "abcb"}, hidden=False),
        Case("edge-one-char", {"s": "q"}),
        Case("edge-two-equal", {"s": "mm"}),
        Case("edge-two-different", {"s": "mn"}),
        Case("edge-whole-palindrome", {"s": "racecar"}),
        Case("edge-nested", {"s": "abacaba"}, note="palindromes inside palindromes"),
        Case("edge-long-inner", {"s": "xabcdcbay"}, note="a palindrome of length 7 strictly inside"),
        Case("edge-alternating", {"s": "ab" * 8}, note="16 characters"),
        Case("large-all-same", {"s": "k" * 16}, note="16 equal letters: 32768 partitions"),
    ]
    for k in range(6):
        out.append(Case(f"random-{k + 1}", {"s": _text(rng, int(rng.integers(1, 17)), ["ab", "abc", LETTERS][k % 3])}))
    for k in range(2):
        out.append(Case(f"random-long-{k + 1}", {"s": _text(rng, 16, "ab")}, note="16 characters over 'ab'"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    s = case.inputs["s"]

    def invalid(parts):
        if not (isinstance(parts, list) and all(isinstance(p, str) for p in parts)):
            return ("every partition must be a list of strings",) * 2
        if "".join(parts) != s or not all(parts):
            return "a partition's pieces do not make up s", f"{parts} does not cut {s!r} into non-empty pieces"
        bad = next((p for p in parts if p != p[::-1]), None)
        if bad is not None:
            return "a partition has a piece that is not a palindrome", f"{parts}: {bad!r} is not a palindrome"
        return None

    return check_enumeration(got.get("out"), len(expected["out"]), hidden=case.hidden, container="lists",
                             noun="partition", plural="partitions", invalid=invalid, key=tuple)
