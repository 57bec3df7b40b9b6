"""Answers that list every object of a kind, in any order: all permutations, subsets, combinations,
partitions, boards.

Comparing with the reference's list would reject a correct answer in another order, so the check is
by properties: every item is a valid object (the problem says what valid means), no object appears
twice (under the problem's notion of "the same"), and there are as many as the reference found.
Valid, distinct and as many as all of them is all of them. Hidden cases get messages without the
items themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from .result import CheckResult

# what is wrong with one item: (the hidden case's words, the visible case's words), or None
Invalid = Callable[[Any], "tuple[str, str] | None"]


def check_enumeration(answer: Any, want: int, *, hidden: bool, container: str, noun: str, plural: str,
                      invalid: Invalid, key: Callable[[Any], Hashable], shown: Callable[[Any], str] = str,
                      twice_note: str = "") -> CheckResult:
    """`answer`: the submission's list; `want`: how many the reference found. `key` maps an item to
    what makes two items the same (a sorted tuple for subsets); `shown` names an item in a visible
    case's message; `twice_note` is added to the hidden "returned twice" message."""
    if not isinstance(answer, list):
        return CheckResult.failed(f"expected a list of {container}, got {type(answer).__name__}")
    seen: set[Hashable] = set()
    for item in answer:
        bad = invalid(item)
        if bad is not None:
            return CheckResult.failed(bad[0] if hidden else bad[1])
        k = key(item)
        if k in seen:
            return CheckResult.failed(f"a {noun} is returned twice{twice_note}" if hidden
                                      else f"{shown(item)} is returned twice")
        seen.add(k)
    if len(answer) != want:
        return CheckResult.failed(f"only {len(answer)} {plural} returned; some are missing" if hidden
                                  else f"{len(answer)} {plural} returned, expected {want}")
    return CheckResult.passed()


def int_list(item: Any) -> bool:
    return isinstance(item, list) and all(type(v) is int for v in item)
