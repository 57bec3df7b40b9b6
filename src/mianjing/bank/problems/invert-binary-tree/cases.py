"""Cases for invert-binary-tree: the examples, empty and single-node trees, chains and zigzags (where
a lost subtree shows), a complete tree, equal values (only node identity tells a copy from the
input) and random trees up to 100 nodes. `check` explains the ways right values can still be wrong."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.exact import check_exact
from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, complete, fill, level_order, random_shape, random_values


def _tree(root, values):
    return level_order(fill(root, values))


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"root": [5, 3, 8, 1, 4, None, 9]}, hidden=False),
        Case("example-2", {"root": [6, 2]}, hidden=False),
        Case("example-3", {"root": []}, hidden=False),
        Case("edge-single", {"root": [5]}),
        Case("edge-left-chain", {"root": _tree(chain(100, "left"), range(100))}, note="100 nodes in a left chain"),
        Case("edge-zigzag", {"root": _tree(chain(100, "zigzag"), random_values(rng, 100, -100, 100))}, note="one child per node, alternating sides"),
        Case("edge-complete", {"root": _tree(complete(100), random_values(rng, 100, -100, 100))}, note="complete tree of 100 nodes"),
        Case("edge-equal-values", {"root": _tree(complete(15), [7] * 15)}, note="all values equal: only the nodes show a copy"),
        Case("edge-uneven", {"root": [1, 2, None, 3, 4, None, None, 5]}, note="a left subtree with its own two-level branch"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 101))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9])))
        out.append(Case(f"random-{k + 1}", {"root": _tree(shape, random_values(rng, n, -100, 100))}))
    return out


def check(case: Case, expected, got) -> CheckResult:
    res = check_exact("out", expected["out"], got.get("out"), hidden=case.hidden)
    if not res.ok:
        return res
    nodes = got.get("nodes")
    if nodes == expected["nodes"]:
        return CheckResult.passed()
    if isinstance(nodes, list) and -1 in nodes:
        return CheckResult.failed(
            "the values are mirrored correctly, but the tree contains nodes that were not in the input: "
            "swap the children of the given nodes instead of building a new tree"
        )
    return CheckResult.failed(
        "the values are mirrored correctly, but the input nodes are not where mirroring puts them: "
        "move the nodes (swap left and right pointers), do not move values between nodes"
    )
