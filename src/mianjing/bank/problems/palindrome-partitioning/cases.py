"""Cases for palindrome-partitioning: the examples, one character, two equal and two different
characters, a whole-string palindrome, nested palindromes, all letters equal at the maximum length
(2^15 partitions), alternating letters, and random strings over two, three and 26 letters.

The partitions may come in any order, so `check` validates each (non-empty palindromic pieces that
concatenate to s), rejects repeats, and compares the count with the reference's."""

import numpy as np

from mianjing.checkers import CheckResult
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
    answer = got.get("out")
    want = len(expected["out"])
    if not isinstance(answer, list):
        return CheckResult.failed(f"expected a list of lists, got {type(answer).__name__}")
    seen = set()
    for parts in answer:
        if not (isinstance(parts, list) and all(isinstance(p, str) for p in parts)):
            return CheckResult.failed("every partition must be a list of strings")
        if "".join(parts) != s or not all(parts):
            return CheckResult.failed("a partition's pieces do not make up s" if case.hidden
                                      else f"{parts} does not cut {s!r} into non-empty pieces")
        bad = next((p for p in parts if p != p[::-1]), None)
        if bad is not None:
            return CheckResult.failed("a partition has a piece that is not a palindrome" if case.hidden
                                      else f"{parts}: {bad!r} is not a palindrome")
        key = tuple(parts)
        if key in seen:
            return CheckResult.failed("a partition is returned twice" if case.hidden
                                      else f"{parts} is returned twice")
        seen.add(key)
    if len(answer) != want:
        return CheckResult.failed(f"only {len(answer)} partitions returned; some are missing" if case.hidden
                                  else f"{len(answer)} partitions returned, expected {want}")
    return CheckResult.passed()
