"""Cases for letter-combinations-of-a-phone-number: the examples, the empty input, one digit, the
four-letter keys 7 and 9, repeated digits, the maximum length, and random digit strings.

The combinations may come in any order, so `check` validates each returned string (one letter of
each digit's key, in the digits' order), rejects repeats, and compares the count with the
reference's (the product of the key sizes; 0 for an empty input)."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.enumeration import check_enumeration
from mianjing.problems.case import Case

KEYS = {
    "2": "abc", "3": "def", "4": "ghi", "5": "jkl",
    "6": "mno", "7": "pqrs", "8": "tuv", "9": "wxyz",
}


def _digits(rng: np.random.Generator, n: int) -> str:
    return "".join(str(int(d)) for d in rng.integers(2, 10, size=n))


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"digits": "38"}, hidden=False),
        Case("example-2", {"digits": ""}, hidden=False),
        Case("example-3", {"digits": "9"}, hidden=False),
        Case("edge-one-digit", {"digits": "5"}),
        Case("edge-four-letter-keys", {"digits": "79"}, note="both keys carry four letters: 16 combinations"),
        Case("edge-repeated-digit", {"digits": "222"}),
        Case("edge-max-length", {"digits": "7979"}, note="4 digits, 256 combinations"),
    ]
    for k in range(6):
        out.append(Case(f"random-{k + 1}", {"digits": _digits(rng, int(rng.integers(1, 5)))}))
    return out


def _valid(word, digits: str) -> bool:
    return (isinstance(word, str) and len(word) == len(digits)
            and all(ch in KEYS[d] for ch, d in zip(word, digits)))


def check(case: Case, expected, got) -> CheckResult:
    digits = case.inputs["digits"]
    answer = got.get("out")
    if isinstance(answer, list) and not digits and answer:
        return CheckResult.failed("an empty input has no combinations: return []" if not case.hidden
                                  else "an empty input must give an empty list")

    def invalid(word):
        if not _valid(word, digits):
            return ("a returned string is not one letter of each digit's key, in order",
                    f"{str(word)[:20]!r} does not spell {digits!r} on the keypad")
        return None

    return check_enumeration(answer, len(expected["out"]), hidden=case.hidden, container="strings",
                             noun="combination", plural="combinations", invalid=invalid, key=lambda w: w, shown=repr)
