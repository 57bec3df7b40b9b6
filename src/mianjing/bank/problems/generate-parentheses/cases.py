"""Cases for generate-parentheses: the examples, the smallest n, every n up to the maximum of 8
(1430 strings), and a few seeded picks.

The strings may come in any order, so `check` validates each (2n characters, balanced, never
closing more than is open), rejects repeats, and compares the count with the reference's (the
Catalan number C(n))."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.enumeration import check_enumeration
from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"n": 2}, hidden=False),
        Case("example-2", {"n": 4}, hidden=False),
        Case("edge-one-pair", {"n": 1}),
        Case("edge-three", {"n": 3}),
        Case("edge-five", {"n": 5}, note="42 strings"),
        Case("edge-six", {"n": 6}),
        Case("edge-seven", {"n": 7}),
        Case("edge-max", {"n": 8}, note="1430 strings"),
    ]
    for k in range(3):
        out.append(Case(f"random-{k + 1}", {"n": int(rng.integers(1, 9))}))
    return out


def _balanced(s) -> bool:
    if not isinstance(s, str) or set(s) - {"(", ")"}:
        return False
    depth = 0
    for ch in s:
        depth += 1 if ch == "(" else -1
        if depth < 0:
            return False
    return depth == 0


def check(case: Case, expected, got) -> CheckResult:
    n = case.inputs["n"]

    def invalid(s):
        if not (isinstance(s, str) and len(s) == 2 * n and _balanced(s)):
            return (f"a returned string is not {n} well-formed pairs",
                    f"{str(s)[:40]!r} is not {n} well-formed pairs of parentheses")
        return None

    return check_enumeration(got.get("out"), len(expected["out"]), hidden=case.hidden, container="strings",
                             noun="string", plural="strings", invalid=invalid, key=lambda s: s, shown=repr)
