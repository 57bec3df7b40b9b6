"""sort-list harness: builds the list from its values, calls the submission, and reads the
answer back (bounded by the input's length, so a cycle is reported, not followed forever).

Outputs: "out", the returned values; "nodes", each returned node's index in the input (-1 if new)."""

from mianjing.judge.structures import build_list, install, list_positions, read_list


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    nodes = build_list(inputs["values"])
    head = entry(nodes[0] if nodes else None)
    return {"out": read_list(head, len(nodes)), "nodes": list_positions(head, nodes, len(nodes))}
