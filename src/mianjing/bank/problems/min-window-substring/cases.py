"""Cases for min-window-substring: the examples, multiplicity and no-answer edge cases, random
strings, and a complexity series of long strings where t needs rare characters, so covering
windows are long.

Several windows can share the minimal length; `check` accepts any of them."""

from collections import Counter

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _rand(rng: np.random.Generator, n: int, alphabet: str) -> str:
    return "".join(alphabet[i] for i in rng.integers(0, len(alphabet), size=n))


def _sparse(rng: np.random.Generator, n: int) -> dict:
    """Lowercase noise with a few rare capitals: every covering window must reach two of them."""
    s = list(_rand(rng, n, "abcdefghijklmnopqrstuvwxy"))
    for ch in "XYZ":
        for pos in rng.choice(n, size=4, replace=False):
            s[int(pos)] = ch
    return {"s": "".join(s), "t": "XYZab"}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"s": "PXQYRZPRQ", "t": "PQR"}, hidden=False),
        Case("example-2", {"s": "z", "t": "z"}, hidden=False),
        Case("example-3", {"s": "b", "t": "bb"}, hidden=False),
        Case("example-4", {"s": "xxyzyxx", "t": "xxy"}, hidden=False),
        Case("edge-t-longer", {"s": "abc", "t": "abcd"}, note="t longer than s"),
        Case("edge-no-window", {"s": "xyzxyz", "t": "q"}),
        Case("edge-whole-string", {"s": "cab", "t": "abc"}, note="the answer is all of s"),
        Case("edge-case-sensitive", {"s": "aAbBa", "t": "AB"}, note="upper and lower case differ"),
        Case("edge-repeated-need", {"s": "baabaaab", "t": "aaa"}, note="t needs three of one letter"),
        Case("edge-window-at-end", {"s": "zzzzzzab", "t": "ba"}),
        Case("edge-equal", {"s": "ABBA", "t": "ABBA"}),
    ]
    for k in range(5):
        s = _rand(rng, int(rng.integers(1, 80)), "abcd")
        t = _rand(rng, int(rng.integers(1, 6)), "abcde")
        out.append(Case(f"random-small-{k + 1}", {"s": s, "t": t}))
    for k in range(4):
        s = _rand(rng, int(rng.integers(100, 2000)), LETTERS)
        t = _rand(rng, int(rng.integers(1, 12)), LETTERS)
        out.append(Case(f"random-{k + 1}", {"s": s, "t": t}))
    for k, n in enumerate((8_000, 16_000, 32_000, 64_000)):
        out.append(Case(f"large-{k + 1}", _sparse(rng, n), size=n,
                        note=f"{n} characters; t needs letters that occur only 4 times"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    s, t = case.inputs["s"], case.inputs["t"]
    want, w = expected["out"], got.get("out")
    if not isinstance(w, str):
        return CheckResult.failed(f"out: got {type(w).__name__}, expected a str")
    if want == "":
        if w == "":
            return CheckResult.passed()
        return CheckResult.failed(f"out: got a window of length {len(w)}, but no window of s contains t: expected \"\"")
    if w == "":
        return CheckResult.failed(f"out: got \"\", but a window of length {len(want)} contains t")
    covers = not (Counter(t) - Counter(w))
    if not covers or w not in s:
        what = "is not a substring of s" if w not in s else "does not contain every character of t (with multiplicity)"
        shown = "" if case.hidden else f" {w!r}"
        return CheckResult.failed(f"out: your window{shown} {what}")
    if len(w) != len(want):
        shown = "" if case.hidden else f" (for example {want!r})"
        return CheckResult.failed(f"out: your window has length {len(w)}; the shortest has length {len(want)}{shown}")
    return CheckResult.passed()
