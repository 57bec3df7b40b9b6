"""lowest-common-ancestor harness: gives the submission TreeNode, builds the tree from its
level-order list, passes p and q as the tree's own nodes (found by their distinct values) and reports
which node came back.

Outputs: "node", the returned node's index among the tree's nodes in level order (-1 for a node not
in the tree, None for None); "val", its value, for the messages."""

from mianjing.judge.harness import HarnessError
from mianjing.judge.structures import build_tree, install


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    root, nodes = build_tree(inputs["root"])
    by_value = {node.val: node for node in nodes}
    result = entry(root, by_value[inputs["p"]], by_value[inputs["q"]])
    if result is None:
        return {"node": None, "val": None}
    if not all(hasattr(result, a) for a in ("val", "left", "right")):
        raise HarnessError(f"return the ancestor node itself (a TreeNode), not a {type(result).__name__}")
    index = next((i for i, node in enumerate(nodes) if node is result), -1)
    return {"node": index, "val": result.val}
