"""build-tree harness: gives the submission TreeNode, calls it with the two lists and reads the
returned tree back in level order with a node guard (more nodes than values, a cycle or a shared
node is reported)."""

from mianjing.judge.structures import install, read_tree


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    preorder, inorder = list(inputs["preorder"]), list(inputs["inorder"])
    return {"out": read_tree(entry(preorder, inorder), len(preorder))}
