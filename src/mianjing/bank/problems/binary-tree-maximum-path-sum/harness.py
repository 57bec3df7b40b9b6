"""Tree-in, values-out harness: gives the submission TreeNode, builds the tree from the case's
level-order list and returns what the entry returns (the best path sum)."""

from mianjing.judge.structures import build_tree, install


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    root, _ = build_tree(inputs["root"])
    return {"out": entry(root)}
