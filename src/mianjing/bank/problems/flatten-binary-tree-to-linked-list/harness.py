"""flatten harness: gives the submission TreeNode, builds the tree from its level-order list, calls
flatten(root) (its return value is ignored: the change happens in place) and reads the tree at the
input root back with a node guard (a cycle or a node reached twice is reported).

Outputs: "out", the tree at the input root in level order; "nodes", the same shape holding each
node's index among the input nodes (-1 for a node the submission created)."""

from mianjing.judge.structures import build_tree, install, read_tree, tree_positions


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    root, nodes = build_tree(inputs["root"])
    entry(root)
    limit = len(nodes)
    return {"out": read_tree(root, limit), "nodes": tree_positions(root, nodes, limit)}
