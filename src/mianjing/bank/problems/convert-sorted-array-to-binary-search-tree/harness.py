"""convert-sorted-array-to-binary-search-tree harness: gives the submission TreeNode, calls it with
the list, and reads the returned tree back in level order with a node guard (a tree with more nodes
than values, a cycle or a shared node is reported). Any balanced BST is accepted: cases.check judges."""

from mianjing.judge.structures import install, read_tree


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    nums = list(inputs["nums"])
    return {"out": read_tree(entry(nums), len(nums))}
