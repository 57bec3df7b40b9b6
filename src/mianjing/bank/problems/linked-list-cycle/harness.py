"""linked-list-cycle harness: builds the list from `values`, links the tail back to the node at
index `pos` (no cycle when pos is -1), and calls the submission. Outputs: "out", its answer;
"intact", whether every node still has the val and next it had before the call."""

from mianjing.judge.structures import build_list, install


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    nodes = build_list(inputs["values"])
    if inputs["pos"] >= 0:
        nodes[-1].next = nodes[inputs["pos"]]
    before = [(node.val, node.next) for node in nodes]
    out = entry(nodes[0] if nodes else None)
    intact = all(node.val == val and node.next is nxt for node, (val, nxt) in zip(nodes, before))
    return {"out": out, "intact": intact}
