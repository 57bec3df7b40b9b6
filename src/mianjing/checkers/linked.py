"""Linked-list answers: the values are right *and* the nodes are the ones the problem asks for.

Harnesses report a returned list as "out" (its values) and "nodes" (for each returned node its index
among the input's nodes, -1 for a node the submission created). These checks turn the two common
ways a list with the right values is still wrong (new nodes, rewritten values) into a clear message.
"""

from __future__ import annotations

from typing import Any

from .exact import check_exact
from .result import CheckResult

NEW_NODES = (
    "the values are right, but the list contains nodes that were not in the input: "
    "relink the given nodes instead of creating new ones"
)
MOVED_VALUES = (
    "the values are in the right order, but the nodes did not move: relink the nodes through "
    "their next pointers instead of rewriting their val fields"
)


def check_relinked(expected: dict[str, Any], got: dict[str, Any], *, hidden: bool) -> CheckResult:
    """The answer is one exact arrangement of the input's nodes (reverse, k-group, remove-nth)."""
    res = check_exact("out", expected["out"], got.get("out"), hidden=hidden)
    if not res.ok:
        return res
    nodes = got.get("nodes")
    if nodes == expected["nodes"]:
        return CheckResult.passed()
    if isinstance(nodes, list) and -1 in nodes:
        return CheckResult.failed(NEW_NODES)
    return CheckResult.failed(MOVED_VALUES)


def check_reordered(input_values: list, expected: dict[str, Any], got: dict[str, Any], *, hidden: bool) -> CheckResult:
    """The answer holds every input node exactly once, in an order whose values match the expected
    ones (sort, merge: equal values may come in any order). `input_values[i]` is node i's value."""
    res = check_exact("out", expected["out"], got.get("out"), hidden=hidden)
    if not res.ok:
        return res
    nodes = got.get("nodes")
    if not isinstance(nodes, list) or -1 in nodes:
        return CheckResult.failed(NEW_NODES)
    if sorted(nodes) != list(range(len(input_values))):
        return CheckResult.failed("the returned list does not hold every input node exactly once")
    if any(input_values[i] != v for i, v in zip(nodes, got["out"])):
        return CheckResult.failed(MOVED_VALUES)
    return CheckResult.passed()


def check_untouched(got: dict[str, Any], what: str = "the input list") -> CheckResult | None:
    """A failure when the harness saw the input's links or values change (`got["intact"]` False)."""
    if got.get("intact") is True:
        return None
    return CheckResult.failed(
        f"{what} was changed (a link such as next, or a val, differs from before the call): "
        "the problem only reads the list, so leave it as you found it (undo any temporary change)"
    )
