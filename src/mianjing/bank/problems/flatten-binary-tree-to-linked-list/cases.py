"""Cases for flatten-binary-tree-to-linked-list: the examples, single node, left and right chains of
2000 nodes, zigzags, a complete tree, equal values (only node identity shows a copy) and random
trees up to 2000 nodes. `check` names what is wrong: left pointers left set, order, copied nodes."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.exact import check_exact
from mianjing.judge.structures import build_tree
from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, complete, deep_shape, fill, level_order, random_shape, random_values


def _tree(root, rng):
    n = sum(v is not None for v in level_order(root))
    return level_order(fill(root, random_values(rng, n, -100, 100)))


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"root": [7, 3, 9, 1, 4, None, 8]}, hidden=False),
        Case("example-2", {"root": []}, hidden=False),
        Case("example-3", {"root": [2]}, hidden=False),
        Case("edge-left-only", {"root": [1, 2, None, 3]}, note="a root with a left child that has a left child"),
        Case("edge-left-chain", {"root": _tree(chain(2000, "left"), rng)}, note="2000 nodes in a left chain"),
        Case("edge-right-chain", {"root": _tree(chain(2000, "right"), rng)}, note="already flat: 2000 right children"),
        Case("edge-zigzag", {"root": _tree(chain(2000, "zigzag"), rng)}, note="2000 nodes, one child each, alternating sides"),
        Case("edge-complete", {"root": _tree(complete(2000), rng)}, note="complete tree of 2000 nodes"),
        Case("edge-deep", {"root": _tree(deep_shape(rng, 2000, 1000), rng)}, note="2000 nodes around a 1000-node path"),
        Case("edge-equal-values", {"root": level_order(fill(complete(31), [1] * 31))}, note="all values equal: only the nodes show a copy"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 300))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9])))
        out.append(Case(f"random-{k + 1}", {"root": _tree(shape, rng)}))
    return out


def _chain_and_left(tree):
    """(values along the right pointers from the root, the first node that has a left child or None)."""
    root, _ = build_tree(tree)
    values, with_left, node = [], None, root
    while node is not None:
        values.append(node.val)
        if node.left is not None and with_left is None:
            with_left = node.val
        node = node.right
    return values, with_left


def check(case: Case, expected, got) -> CheckResult:
    tree = got.get("out")
    if not isinstance(tree, list):
        return CheckResult.failed("the tree could not be read back")
    if tree != expected["out"]:
        values, with_left = _chain_and_left(tree)
        if with_left is not None:
            return CheckResult.failed(
                f"after flatten, the node {with_left} still has a left child: every left pointer must be None"
            )
        want, _ = _chain_and_left(expected["out"])
        res = check_exact("values along the right pointers", want, values, hidden=case.hidden)
        return res if not res.ok else CheckResult.failed("the tree is not the flattened chain")
    nodes = got.get("nodes")
    if nodes == expected["nodes"]:
        return CheckResult.passed()
    if isinstance(nodes, list) and -1 in nodes:
        return CheckResult.failed(
            "the values are in the right order, but the chain contains nodes that were not in the input: "
            "relink the given nodes instead of creating new ones"
        )
    return CheckResult.failed(
        "the values are in the right order, but the input nodes are not in preorder along the chain: "
        "move the nodes, not their values"
    )
