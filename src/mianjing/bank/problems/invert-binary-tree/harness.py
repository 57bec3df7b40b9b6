"""invert-binary-tree harness: gives the submission TreeNode, builds the tree from its level-order
list, and reads the returned tree back with a node guard (a cycle or a shared node is reported).

Outputs: "out", the returned tree in level order; "nodes", the same shape holding each node's
index among the input nodes (-1 for a node the submission created), so a copy shows."""

from mianjing.judge.structures import build_tree, install, read_tree, tree_positions


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    root, nodes = build_tree(inputs["root"])
    result = entry(root)
    limit = len(nodes)
    return {"out": read_tree(result, limit), "nodes": tree_positions(result, nodes, limit)}
