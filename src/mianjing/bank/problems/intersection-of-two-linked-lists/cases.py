"""Cases for intersection-of-two-linked-lists: the examples, a list that is entirely the shared
tail, separate lists with equal values (where comparing values instead of nodes goes wrong), no
intersection, and a hidden series of long lists on which only an O(m + n) walk stays in time."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.linked import check_untouched
from mianjing.problems.case import Case


def _values(rng: np.random.Generator, n: int) -> list[int]:
    return [int(v) for v in rng.integers(1, 100_001, size=n)]


def _inputs(a_own: list[int], b_own: list[int], shared: list[int]) -> dict:
    """A = a_own + shared, B = b_own + shared, the shared part being the same nodes."""
    return {"list_a": a_own + shared, "list_b": b_own + shared, "skip_a": len(a_own), "skip_b": len(b_own)}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", _inputs([7, 3], [2, 5, 3], [6, 9]), hidden=False),
        Case("example-2", _inputs([5, 8, 5], [1], [7, 2]), hidden=False),
        Case("example-3", _inputs([3, 7, 1], [8, 2], []), hidden=False),
        Case("edge-same-head", _inputs([], [], [3, 1, 2]), note="both heads are the same node"),
        Case("edge-b-inside-a", _inputs([1, 2, 3], [], [4, 5]), note="B starts in the middle of A"),
        Case("edge-single-nodes-apart", _inputs([1], [1], [])),
        Case("edge-equal-values-apart", _inputs([7, 8, 9, 10], [8, 9, 10], []),
             note="separate lists whose ends hold equal values"),
        Case("edge-equal-values-before-shared", _inputs([5, 2, 2], [9, 2], [2, 6]),
             note="equal values just before the shared tail"),
        Case("edge-last-node-shared", _inputs([1, 2, 3], [4, 5, 6, 7], [8])),
        Case("edge-long-apart", _inputs(_values(rng, 30_000), _values(rng, 29_000), []),
             note="30000 and 29000 nodes, no intersection"),
    ]
    for k in range(8):
        shared = _values(rng, int(rng.integers(0, 30)))
        a_own = _values(rng, int(rng.integers(0 if shared else 1, 30)))
        b_own = _values(rng, int(rng.integers(0 if shared else 1, 30)))
        out.append(Case(f"random-{k + 1}", _inputs(a_own, b_own, shared)))
    for k, n in enumerate((5_000, 10_000, 20_000, 40_000)):
        out.append(Case(f"large-{k + 1}", _inputs(_values(rng, n // 4), _values(rng, n // 4), _values(rng, n // 2)),
                        size=n, note=f"{n} nodes in all, meeting halfway"))
    return out


def check(case, expected, got):
    untouched = check_untouched(got, "one of the lists")
    if untouched is not None:
        return untouched
    node, want = got.get("node"), expected["node"]
    if node == want:
        return CheckResult.passed()
    if want is None:
        return CheckResult.failed("the lists do not intersect, so the answer is None, but a node was returned")
    if node is None:
        return CheckResult.failed("the lists do intersect, but None was returned")
    return CheckResult.failed(
        "returned a node that is not the first shared one: the lists meet where they share a node "
        "(compare nodes with `is`), which equal values do not prove"
    )
