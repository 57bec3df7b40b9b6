"""Cases for longest-palindromic-substring: the examples, one character, the whole string a
palindrome (odd and even), even-length winners, ties, palindromes at either end, a string with a
mirrored non-palindrome, random strings over small alphabets (many short palindromes), and long
strings.

Several substrings can tie for the longest, so `check` accepts any palindrome of the right length
that occurs in s."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case

LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


def _text(rng: np.random.Generator, n: int, alphabet: str) -> str:
    return "".join(alphabet[int(i)] for i in rng.integers(0, len(alphabet), size=n))


def _with_palindrome(rng: np.random.Generator, n: int, length: int, alphabet: str) -> str:
    half = _text(rng, (length + 1) // 2, alphabet)
    pal = half + half[::-1][length % 2:]
    rest = _text(rng, n - length, alphabet)
    at = int(rng.integers(0, n - length + 1))
    return rest[:at] + pal + rest[at:]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"s": "dcdce"}, hidden=False),
        Case("example-2", {"s": "maat"}, hidden=False),
        Case("example-3", {"s": "q"}, hidden=False),
        Case("edge-two-equal", {"s": "zz"}),
        Case("edge-two-different", {"s": "xy"}),
        Case("edge-all-odd", {"s": "racecar"}, note="the whole string, odd length"),
        Case("edge-all-even", {"s": "abccba"}, note="the whole string, even length"),
        Case("edge-even-wins", {"s": "xabbay"}, note="an even-length palindrome is the longest"),
        Case("edge-at-end", {"s": "abcdeffe"}, note="the palindrome ends the string"),
        Case("edge-at-start", {"s": "noonabc"}, note="the palindrome starts the string"),
        Case("edge-all-same", {"s": "aaaaaaa"}),
        Case("edge-digits", {"s": "12321x9"}),
        Case("edge-nested", {"s": "abacdfgdcaba"}, note="the string reversed shares 'abacd' with it, which is no palindrome"),
    ]
    for k in range(6):
        n = int(rng.integers(2, 60))
        out.append(Case(f"random-{k + 1}", {"s": _text(rng, n, "ab" if k < 3 else LETTERS[:4])}))
    for k in range(3):
        out.append(Case(f"random-planted-{k + 1}", {"s": _with_palindrome(rng, 300, int(rng.integers(10, 60)), "abc")},
                        note="300 characters with a long planted palindrome"))
    out.append(Case("large-random", {"s": _text(rng, 1000, "ab")}, note="1000 characters over 'ab'"))
    out.append(Case("large-one-letter", {"s": "a" * 1000}, note="1000 equal characters"))
    out.append(Case("large-planted", {"s": _with_palindrome(rng, 1000, 301, "abc")}, note="1000 characters, a planted palindrome of 301"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    s, want = case.inputs["s"], expected["out"]
    answer = got.get("out")
    if not isinstance(answer, str):
        return CheckResult.failed(f"expected a str, got {type(answer).__name__}")
    if answer not in s:
        return CheckResult.failed("the answer is not a substring of s" if case.hidden
                                  else f"{answer[:40]!r} is not a substring of s")
    if answer != answer[::-1]:
        return CheckResult.failed("the answer is not a palindrome" if case.hidden
                                  else f"{answer[:40]!r} is not a palindrome")
    if len(answer) != len(want):
        if case.hidden:  # never reveal the expected answer of a hidden case, not even its length
            return CheckResult.failed(f"a palindrome of length {len(answer)}, but s has a longer one")
        return CheckResult.failed(f"a palindrome of length {len(answer)}, but the longest has length {len(want)}")
    return CheckResult.passed()
