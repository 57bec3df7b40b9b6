"""LeetCode's linked-list and tree classes, and how harnesses build them from case data and read the
submission's answer back.

Cases write a list as the Python list of its values and a tree as its level-order list with None
for a missing child (LeetCode's convention). Reading an answer back is bounded by a node limit, so a
cycle or a node reachable twice is reported instead of hanging the judge, and `*_positions` say which
input node sits where, so a problem that asks for the nodes themselves (not their values) can check it.

Runs in the worker (preloaded by the zygote) and in the controller for the reference.
"""

from __future__ import annotations

from collections import deque

from .harness import HarnessError


class ListNode:
    """A singly linked list node, as LeetCode defines it."""

    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        return f"ListNode({self.val!r})"


class TreeNode:
    """A binary tree node, as LeetCode defines it."""

    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self):
        return f"TreeNode({self.val!r})"


class RandomNode:
    """A list node with an extra `random` pointer (problem 138 calls it `Node`)."""

    def __init__(self, val=0, next=None, random=None):
        self.val = val
        self.next = next
        self.random = random

    def __repr__(self):
        return f"Node({self.val!r})"


def install(namespace: dict) -> None:
    """Give the submission the classes its statement says are predefined."""
    namespace["ListNode"] = ListNode
    namespace["TreeNode"] = TreeNode
    namespace["Node"] = RandomNode


# ---- linked lists -----------------------------------------------------------------------------

def build_list(values, node_class=ListNode) -> list:
    """All nodes of a new list holding `values`, linked in order ([] for an empty list)."""
    nodes = [node_class(v) for v in values]
    for a, b in zip(nodes, nodes[1:]):
        a.next = b
    return nodes


def _walk_list(head, limit: int):
    node, seen = head, 0
    while node is not None:
        if seen == limit:
            raise HarnessError(
                f"the returned list has more than {limit} nodes: it has a cycle "
                "(some node's next points back into the list) or nodes that should not be there"
            )
        if not hasattr(node, "val") or not hasattr(node, "next"):
            raise HarnessError(f"the returned list contains a {type(node).__name__}, not a ListNode")
        yield node
        seen += 1
        node = node.next


def read_list(head, limit: int) -> list:
    """The values of the list starting at `head`; HarnessError on a cycle or more than `limit` nodes."""
    return [node.val for node in _walk_list(head, limit)]


def list_positions(head, nodes: list, limit: int) -> list[int]:
    """For each node of the list at `head`, its index in `nodes` (the input's nodes), -1 if it is new."""
    index = {id(node): i for i, node in enumerate(nodes)}  # `nodes` keeps them alive: ids stay unique
    return [index.get(id(node), -1) for node in _walk_list(head, limit)]


# ---- binary trees -----------------------------------------------------------------------------

def build_tree(level_order, node_class=TreeNode):
    """(root or None, nodes in level order) for a level-order list with None holes."""
    values = list(level_order)
    if not values or values[0] is None:
        return None, []
    root = node_class(values[0])
    nodes, queue, i = [root], deque([root]), 1
    while queue and i < len(values):
        parent = queue.popleft()
        for side in ("left", "right"):
            if i < len(values) and values[i] is not None:
                child = node_class(values[i])
                setattr(parent, side, child)
                nodes.append(child)
                queue.append(child)
            i += 1
    return root, nodes


def _walk_tree(root, limit: int):
    """Level order over the tree at `root`, yielding nodes and None holes; refuses shared nodes."""
    if root is None:
        return
    seen: set[int] = set()
    queue = deque([root])
    while queue:
        node = queue.popleft()
        if node is None:
            yield None
            continue
        if not all(hasattr(node, a) for a in ("val", "left", "right")):
            raise HarnessError(f"the returned tree contains a {type(node).__name__}, not a TreeNode")
        if id(node) in seen:
            raise HarnessError(
                "the returned tree reaches the same node twice: some child pointer points back "
                "up the tree or two parents share a child"
            )
        seen.add(id(node))
        if len(seen) > limit:
            raise HarnessError(f"the returned tree has more than the {limit} nodes it can have")
        yield node
        queue.append(node.left)
        queue.append(node.right)


def _strip(items: list) -> list:
    while items and items[-1] is None:
        items.pop()
    return items


def read_tree(root, limit: int) -> list:
    """The level-order list (None holes, trailing Nones stripped) of the tree at `root`."""
    return _strip([None if n is None else n.val for n in _walk_tree(root, limit)])


def tree_positions(root, nodes: list, limit: int) -> list:
    """Level order of the tree at `root` as indices into `nodes` (-1 for a new node, None holes)."""
    index = {id(node): i for i, node in enumerate(nodes)}
    return _strip([None if n is None else index.get(id(n), -1) for n in _walk_tree(root, limit)])


# ---- huge sorted inputs -----------------------------------------------------------------------

class SortedSequence:
    """A read-only sorted sequence of n integers, each computed when it is read.

    value(i) = (base + step * i + jitter(i)) // divide, where 0 <= jitter(i) < step comes from a
    seeded hash, so values strictly increase for divide = 1 (and may repeat for divide > 1). With
    `rotate = r` the sequence is that sorted one rotated left by r positions.

    Problems that promise O(log n) use it for inputs of up to 10^9 elements: reading it costs O(1)
    per index, so a logarithmic search is instant while any linear pass cannot finish. It supports
    len() and integer indexing (negative indices too), nothing that would materialise it cheaply."""

    __slots__ = ("_n", "_base", "_step", "_divide", "_rotate", "_seed")

    def __init__(self, n: int, base: int = 0, step: int = 1, divide: int = 1, rotate: int = 0, seed: int = 0):
        if n < 0 or step < 1 or divide < 1:
            raise HarnessError("judge setup: bad SortedSequence parameters", "judge_error")
        self._n, self._base, self._step, self._divide = n, base, step, divide
        self._rotate, self._seed = (rotate % n if n else 0), seed

    def _value(self, i: int) -> int:
        jitter = ((i * 2654435761 + self._seed) % 4294967291) % self._step
        return (self._base + self._step * i + jitter) // self._divide

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, index):
        if not isinstance(index, int) or isinstance(index, bool):
            raise TypeError("this sequence supports integer indices only (no slicing): read single elements")
        if index < 0:
            index += self._n
        if not 0 <= index < self._n:
            raise IndexError("sequence index out of range")
        return self._value((index + self._rotate) % self._n)

    def __repr__(self) -> str:
        return f"<sorted sequence of {self._n} integers>"


def sequence_from_spec(spec):
    """Case data -> a list (for a plain list) or a SortedSequence (for {"lazy": {...}})."""
    if isinstance(spec, dict) and "lazy" in spec:
        return SortedSequence(**spec["lazy"])
    return list(spec)
