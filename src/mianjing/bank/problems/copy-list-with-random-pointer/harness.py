"""copy-list-with-random-pointer harness: builds the input from `nodes` ([val, random index or
None] per node), calls the submission, then walks the returned list (bounded by the input's length)
and describes it by position.

Outputs: "out", for each returned node [val, index of its random target among the returned nodes,
or None; -1 if it points outside them]; "input_nodes", how many returned nodes are input nodes;
"random_into_input", how many random links of the copy point at input nodes; "intact", whether every
input node still has its val, next and random."""

from mianjing.judge.harness import HarnessError
from mianjing.judge.structures import RandomNode, build_list, install


def setup(namespace):
    install(namespace)


def run(entry, inputs, dtype, seed):
    spec = inputs["nodes"]
    originals = build_list([val for val, _ in spec], node_class=RandomNode)
    for node, (_, target) in zip(originals, spec):
        node.random = None if target is None else originals[target]
    before = [(node.val, node.next, node.random) for node in originals]

    head = entry(originals[0] if originals else None)

    copies, node = [], head
    while node is not None:
        if len(copies) == len(originals):
            raise HarnessError(
                f"the returned list has more than the {len(originals)} nodes of the input: "
                "it has a cycle or extra nodes"
            )
        if not all(hasattr(node, a) for a in ("val", "next", "random")):
            raise HarnessError(f"the returned list contains a {type(node).__name__}, not a Node")
        copies.append(node)
        node = node.next
    copy_index = {id(c): i for i, c in enumerate(copies)}
    input_ids = {id(o) for o in originals}
    out, random_into_input = [], 0
    for c in copies:
        target = c.random
        if target is None:
            out.append([c.val, None])
        else:
            out.append([c.val, copy_index.get(id(target), -1)])
            random_into_input += id(target) in input_ids
    intact = all(
        node.val == val and node.next is nxt and node.random is rnd
        for node, (val, nxt, rnd) in zip(originals, before)
    )
    return {
        "out": out,
        "input_nodes": sum(id(c) in input_ids for c in copies),
        "random_into_input": random_into_input,
        "intact": intact,
    }
