"""linked-list-cycle-ii harness: builds the list from `values`, links the tail back to the node at
index `pos` (no cycle when pos is -1), and calls the submission. Outputs: "node", the index of the
returned node (None for None, -1 for a node not in the list); "intact", whether every node still has
the val and next it had before the call."""

from mianjing.judge.structures import build_list, install


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    nodes = build_list(inputs["values"])
    if inputs["pos"] >= 0:
        nodes[-1].next = nodes[inputs["pos"]]
    before = [(node.val, node.next) for node in nodes]
    got = entry(nodes[0] if nodes else None)
    index = {id(node): i for i, node in enumerate(nodes)}
    intact = all(node.val == val and node.next is nxt for node, (val, nxt) in zip(nodes, before))
    return {"node": None if got is None else index.get(id(got), -1), "intact": intact}
