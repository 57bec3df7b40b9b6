"""Cases for copy-list-with-random-pointer: the examples, the empty list, random links to
themselves, to the head, to later nodes and to None, repeated values (where finding a copy by value
goes wrong), and random lists up to 1000 nodes."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.exact import check_exact
from mianjing.checkers.linked import check_untouched
from mianjing.problems.case import Case


def _random_list(rng: np.random.Generator, n: int, hi: int = 10_000) -> list:
    """[val, random index or None] per node; about a quarter of the random links are None."""
    vals = rng.integers(-hi, hi + 1, size=n)
    targets = rng.integers(0, n, size=n) if n else []
    none = rng.random(n) < 0.25
    return [[int(v), None if z else int(t)] for v, t, z in zip(vals, targets, none)]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nodes": [[4, 2], [9, None], [6, 0], [5, 3]]}, hidden=False),
        Case("example-2", {"nodes": [[8, 1], [3, 1]]}, hidden=False),
        Case("example-3", {"nodes": [[2, 2], [2, None], [2, 0]]}, hidden=False),
        Case("edge-empty", {"nodes": []}),
        Case("edge-single-self", {"nodes": [[5, 0]]}, note="one node whose random is itself"),
        Case("edge-single-none", {"nodes": [[-4, None]]}),
        Case("edge-all-none", {"nodes": [[1, None], [2, None], [3, None]]}),
        Case("edge-all-to-last", {"nodes": [[i, 4] for i in range(5)]}),
        Case("edge-repeated-values", {"nodes": [[1, 2], [1, 0], [1, 3], [1, 1]]},
             note="every value equal, random links all different"),
        Case("edge-max-length", {"nodes": _random_list(rng, 1000)}, note="1000 nodes"),
        Case("edge-max-few-values", {"nodes": _random_list(rng, 1000, 2)}, note="1000 nodes, values in -2..2"),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", {"nodes": _random_list(rng, int(rng.integers(1, 40)), 3 if k < 3 else 10_000)}))
    return out


def check(case, expected, got):
    if got.get("input_nodes"):
        return CheckResult.failed(
            "the returned list contains nodes of the input: a deep copy consists of new nodes only"
        )
    if got.get("random_into_input"):
        return CheckResult.failed(
            "some random pointers of the copy point at nodes of the input list: point each one at "
            "the copy of the original's random target"
        )
    res = check_exact("out", expected["out"], got.get("out"), hidden=case.hidden)
    if not res.ok:
        return res
    untouched = check_untouched(got, "the input list")
    return untouched if untouched is not None else CheckResult.passed()
