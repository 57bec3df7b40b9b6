"""palindrome-linked-list harness: builds the list from `values` and calls the submission.
Outputs: "out", its answer; "intact", whether every node still has the val and next it had before
the call (reversing half of the list is fine if it is reversed back)."""

from mianjing.judge.structures import build_list, install


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    nodes = build_list(inputs["values"])
    before = [(node.val, node.next) for node in nodes]
    out = entry(nodes[0])
    intact = all(node.val == val and node.next is nxt for node, (val, nxt) in zip(nodes, before))
    return {"out": out, "intact": intact}
