"""The linked-list and tree helpers that harnesses use: round trips, identity, cycles, shared nodes."""

import pytest

from mianjing.judge.harness import HarnessError
from mianjing.judge.structures import (
    ListNode, TreeNode, build_list, build_tree, install, list_positions, read_list, read_tree, tree_positions,
)


def test_list_round_trip_and_positions():
    nodes = build_list([3, 1, 2])
    assert read_list(nodes[0], 3) == [3, 1, 2]
    assert read_list(None, 0) == [] and build_list([]) == []
    # relink 3 -> 1 -> 2 into 2 -> 1 -> 3, reusing the nodes
    nodes[2].next, nodes[1].next, nodes[0].next = nodes[1], nodes[0], None
    assert read_list(nodes[2], 3) == [2, 1, 3]
    assert list_positions(nodes[2], nodes, 3) == [2, 1, 0]
    fresh = ListNode(9, nodes[0])
    assert list_positions(fresh, nodes, 3 + 1) == [-1, 0]


def test_list_cycle_and_foreign_objects_are_reported():
    nodes = build_list([1, 2, 3])
    nodes[2].next = nodes[0]
    with pytest.raises(HarnessError, match="cycle"):
        read_list(nodes[0], 3)
    with pytest.raises(HarnessError, match="not a ListNode"):
        read_list("abc", 3)


@pytest.mark.parametrize("level", [[], [1], [1, 2, 3], [1, None, 2, None, 3], [5, 3, 8, 1, None, 7, 9, None, 2]])
def test_tree_round_trip(level):
    root, nodes = build_tree(level)
    assert read_tree(root, len(nodes)) == level
    assert tree_positions(root, nodes, len(nodes)) == ([] if not level else
                                                        [None if v is None else i for i, v in
                                                         zip(_ranks(level), level)])


def _ranks(level):
    out, k = [], 0
    for v in level:
        out.append(None if v is None else k)
        k += v is not None
    return out


def test_tree_shared_node_and_cycle_reported():
    root, nodes = build_tree([1, 2, 3])
    root.right = root.left  # two parents share a child
    with pytest.raises(HarnessError, match="same node twice"):
        read_tree(root, 3)
    root, nodes = build_tree([1, 2])
    nodes[1].left = root  # a cycle back to the root
    with pytest.raises(HarnessError, match="same node twice"):
        read_tree(root, 2)


def test_install_gives_leetcode_names():
    ns = {}
    install(ns)
    assert ns["ListNode"] is ListNode and ns["TreeNode"] is TreeNode and ns["Node"]().random is None
