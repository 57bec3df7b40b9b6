"""reverse-nodes-in-k-group harness: builds the list from `values`, calls the submission with its
head and `k`, and reads the answer back. Outputs: "out", the values; "nodes", each returned node's
index in the input (-1 for a new node)."""

from mianjing.judge.structures import build_list, install, list_positions, read_list


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    nodes = build_list(inputs["values"])
    head = entry(nodes[0], inputs["k"])
    return {"out": read_list(head, len(nodes)), "nodes": list_positions(head, nodes, len(nodes))}
