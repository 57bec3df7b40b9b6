"""Cases for palindrome-linked-list: the examples, one and two nodes, odd and even lengths that
differ only next to the middle, 10^5 nodes (too deep for a recursive solution), and a hidden series
of long palindromes (the worst case: every pair must be compared) for the O(n) time check."""

import numpy as np

from mianjing.checkers.exact import check_exact
from mianjing.checkers.linked import check_untouched
from mianjing.problems.case import Case


def _digits(rng: np.random.Generator, n: int) -> list[int]:
    return [int(v) for v in rng.integers(0, 10, size=n)]


def _palindrome(rng: np.random.Generator, n: int) -> list[int]:
    half = _digits(rng, n // 2)
    return half + _digits(rng, n % 2) + half[::-1]


def _near_miss(rng: np.random.Generator, n: int) -> list[int]:
    """A palindrome with one value changed just left of the middle."""
    values = _palindrome(rng, n)
    i = (n - 1) // 2 - (1 if n % 2 else 0)
    values[i] = (values[i] + 1) % 10
    return values


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"values": [4, 7, 7, 4]}, hidden=False),
        Case("example-2", {"values": [5, 8]}, hidden=False),
        Case("example-3", {"values": [2, 6, 9, 6, 2]}, hidden=False),
        Case("edge-single", {"values": [7]}),
        Case("edge-two-equal", {"values": [4, 4]}),
        Case("edge-two-different", {"values": [4, 0]}),
        Case("edge-even-last-differs", {"values": [1, 2, 3, 1]}, note="even length, mismatch next to the middle"),
        Case("edge-odd-middle-only", {"values": [3, 1, 9, 1, 3]}, note="odd length: the middle value is free"),
        Case("edge-all-equal", {"values": [5] * 11}),
        Case("edge-odd-near-miss", {"values": _near_miss(rng, 21)}),
        Case("edge-even-near-miss", {"values": _near_miss(rng, 20)}),
        Case("edge-max-palindrome", {"values": _palindrome(rng, 100_000)}, note="10^5 nodes"),
        Case("edge-long-near-miss", {"values": _near_miss(rng, 20_001)}, note="20001 nodes, one value off"),
    ]
    for k in range(8):
        n = int(rng.integers(1, 40))
        values = _palindrome(rng, n) if k % 2 == 0 else _digits(rng, n)
        out.append(Case(f"random-{k + 1}", {"values": values}))
    for k, n in enumerate((3_125, 6_250, 12_500, 25_000)):
        out.append(Case(f"large-{k + 1}", {"values": _palindrome(rng, n)}, size=n, note=f"a palindrome of {n} nodes"))
    return out


def check(case, expected, got):
    untouched = check_untouched(got)
    if untouched is not None:
        return untouched
    return check_exact("out", expected["out"], got.get("out"), hidden=case.hidden)
