"""merge-k-sorted-lists harness: builds every list in `lists` from its values, calls the submission
with the list of heads (None for an empty list), and reads the merged list back. Outputs: "out",
the values; "nodes", each returned node's index among all input nodes (list 0's nodes first, then
list 1's, ...; -1 for a new node)."""

from mianjing.judge.structures import build_list, install, list_positions, read_list


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    built = [build_list(values) for values in inputs["lists"]]
    nodes = [node for lst in built for node in lst]
    head = entry([lst[0] if lst else None for lst in built])
    return {"out": read_list(head, len(nodes)), "nodes": list_positions(head, nodes, len(nodes))}
