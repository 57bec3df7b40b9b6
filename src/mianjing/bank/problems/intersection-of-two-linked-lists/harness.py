"""intersection-of-two-linked-lists harness: list A holds all of `list_a`; list B is its own first
`skip_b` values followed by A's nodes from position `skip_a` on (the shared tail), so the lists meet
at A's node `skip_a` unless skip_a == len(list_a). Outputs: "node", the index of the returned node
in A (then B's own nodes after it), None for None, -1 for a node not in the input; "intact", whether
every node's val and next are as before the call."""

from mianjing.judge.structures import build_list, install


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    a_nodes = build_list(inputs["list_a"])
    b_own = build_list(inputs["list_b"][: inputs["skip_b"]])
    shared = a_nodes[inputs["skip_a"]:]
    if b_own and shared:
        b_own[-1].next = shared[0]
    head_b = b_own[0] if b_own else shared[0]
    nodes = a_nodes + b_own
    before = [(node.val, node.next) for node in nodes]
    got = entry(a_nodes[0], head_b)
    index = {id(node): i for i, node in enumerate(nodes)}
    intact = all(node.val == val and node.next is nxt for node, (val, nxt) in zip(nodes, before))
    return {"node": None if got is None else index.get(id(got), -1), "intact": intact}
