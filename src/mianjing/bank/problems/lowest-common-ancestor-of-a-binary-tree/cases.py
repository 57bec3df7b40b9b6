"""Cases for lowest-common-ancestor-of-a-binary-tree: the examples, p an ancestor of q, p and q
siblings or in different subtrees of the root, a two-node tree, chains and deep trees of 10^4 nodes
with p and q near the bottom, a bushy tree of 10^4 nodes, and a complexity series of deep trees.
Values are distinct so p and q are named by value; the harness passes the nodes themselves."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case
from mianjing.problems.treegen import chain, deep_shape, fill, level_order, nodes_preorder, random_shape


def _distinct(rng, n):
    return [int(v) for v in rng.choice(np.arange(-10**9, 10**9 + 1, 7919), size=n, replace=False)]


def _case(rng, shape, pick="random"):
    """Fill the shape with distinct values and pick p, q: random nodes, or two of the deepest."""
    nodes = nodes_preorder(shape)
    fill(shape, _distinct(rng, len(nodes)), order="pre")
    if pick == "deep":
        depth = {id(shape): 0}
        for node in nodes:  # preorder: a parent comes before its children
            for child in (node.left, node.right):
                if child is not None:
                    depth[id(child)] = depth[id(node)] + 1
        order = sorted(nodes, key=lambda x: -depth[id(x)])[: max(2, len(nodes) // 50)]
        i, j = rng.choice(len(order), size=2, replace=False)
        p, q = order[int(i)], order[int(j)]
    else:
        i, j = rng.choice(len(nodes), size=2, replace=False)
        p, q = nodes[int(i)], nodes[int(j)]
    return {"root": level_order(shape), "p": p.val, "q": q.val}


def cases(rng: np.random.Generator) -> list[Case]:
    example = [6, 9, 1, 4, 7, 3, 0, None, None, 2, 8]
    out = [
        Case("example-1", {"root": example, "p": 9, "q": 1}, hidden=False),
        Case("example-2", {"root": example, "p": 9, "q": 8}, hidden=False),
        Case("example-3", {"root": [2, 5], "p": 5, "q": 2}, hidden=False),
        Case("edge-siblings", {"root": example, "p": 2, "q": 8}, note="two leaves with the same parent"),
        Case("edge-across-root", {"root": example, "p": 4, "q": 0}, note="p and q in different subtrees of the root"),
        Case("edge-q-above-p", {"root": example, "p": 8, "q": 6}, note="q is the root, an ancestor of p"),
        Case("edge-chain-ends", _chain_ends(rng), note="10^4-node chain: p the root's child, q the last node"),
        Case("edge-deep", _case(rng, deep_shape(rng, 10_000, 5000), "deep"), note="10^4 nodes, p and q among the deepest"),
        Case("edge-bushy", _case(rng, random_shape(rng, 10_000)), note="10^4 nodes, random shape"),
    ]
    for k in range(8):
        n = int(rng.integers(2, 300))
        shape = random_shape(rng, n, depth_bias=float(rng.choice([0.0, 0.5, 0.9])))
        out.append(Case(f"random-{k + 1}", _case(rng, shape)))
    for k, n in enumerate((1250, 2500, 5000, 10_000)):
        out.append(Case(f"large-{k + 1}", _case(rng, deep_shape(rng, n, n // 2), "deep"), size=n,
                        note=f"{n} nodes around a path of {n // 2}, p and q deep"))
    return out


def _chain_ends(rng):
    shape = chain(10_000, "zigzag")
    values = _distinct(rng, 10_000)
    fill(shape, values, order="pre")
    return {"root": level_order(shape), "p": values[1], "q": values[-1]}


def check(case: Case, expected, got) -> CheckResult:
    node = got.get("node")
    if node == expected["node"]:
        return CheckResult.passed()
    want = expected["val"]
    if node is None:
        return CheckResult.failed(f"you returned None; the lowest common ancestor is the node holding {want}")
    if node == -1:
        return CheckResult.failed(
            f"you returned a node that is not part of the tree (value {got.get('val')!r}): "
            "return the tree's own node, not a new TreeNode"
        )
    return CheckResult.failed(f"you returned the node holding {got.get('val')!r}; the lowest common ancestor holds {want}")
