"""swap-pairs harness: gives the submission the ListNode class, builds the input list from a Python
list, and reads the returned list back with a length guard (a cycle cannot hang the judge).

Outputs: "out", the values in order; "nodes", for each returned node the position it had in the
input list (-1 for a node the submission created), so swapping values instead of nodes shows."""

from mianjing.judge.harness import HarnessError


class ListNode:
    """A singly linked list node: the class the statement gives."""

    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        return f"ListNode({self.val!r})"


def setup(namespace):
    namespace["ListNode"] = ListNode


def run(entry, inputs, dtype, seed):
    values = list(inputs["values"])
    nodes = [ListNode(v) for v in values]
    for a, b in zip(nodes, nodes[1:]):
        a.next = b
    position = {id(node): i for i, node in enumerate(nodes)}  # nodes stay alive, so ids stay unique
    result = entry(nodes[0] if nodes else None)

    out, order = [], []
    node = result
    while node is not None:
        if len(out) == len(nodes):
            raise HarnessError(
                f"the returned list has more than the {len(nodes)} nodes of the input: "
                "it has a cycle (a node's next points back into the list) or extra nodes"
            )
        if not (hasattr(node, "val") and hasattr(node, "next")):
            raise HarnessError(f"the returned list contains a {type(node).__name__}, not a ListNode")
        out.append(node.val)
        order.append(position.get(id(node), -1))
        node = node.next
    return {"out": out, "nodes": order}
