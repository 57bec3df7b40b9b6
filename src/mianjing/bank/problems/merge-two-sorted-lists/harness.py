"""merge-two-sorted-lists harness: builds list1 and list2 from their values and reads the merged
list back (bounded by m + n nodes). Outputs: "out", the values; "nodes", each returned node's index
among the input nodes (list1's nodes 0..m-1, then list2's m..m+n-1; -1 for a new node)."""

from mianjing.judge.structures import build_list, install, list_positions, read_list


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    first, second = build_list(inputs["list1"]), build_list(inputs["list2"])
    nodes = first + second
    head = entry(first[0] if first else None, second[0] if second else None)
    return {"out": read_list(head, len(nodes)), "nodes": list_positions(head, nodes, len(nodes))}
