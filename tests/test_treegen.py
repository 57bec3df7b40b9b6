"""treegen builds the trees the tree problems' cases use: right sizes, shapes and orders, and the
same trees for the same seed."""

from __future__ import annotations

import numpy as np
import pytest

from mianjing.judge.structures import build_tree, read_tree
from mianjing.problems.treegen import (
    chain, complete, deep_shape, fill, level_order, nodes_inorder, nodes_preorder, random_shape, random_values,
)


def _height(root) -> int:
    best, stack = 0, [(root, 1)] if root else []
    while stack:
        node, d = stack.pop()
        best = max(best, d)
        stack.extend((c, d + 1) for c in (node.left, node.right) if c is not None)
    return best


@pytest.mark.parametrize("bias", [0.0, 0.5, 0.9])
def test_random_shape_has_n_nodes_and_round_trips_through_level_order(bias):
    rng = np.random.default_rng(1)
    root = fill(random_shape(rng, 200, depth_bias=bias), range(200))
    values = level_order(root)
    assert values == read_tree(root, 200)  # the same format the judge reads answers back in
    assert sum(v is not None for v in values) == 200
    rebuilt, nodes = build_tree(values)
    assert len(nodes) == 200 and level_order(rebuilt) == values


def test_same_seed_same_tree_and_other_seed_other_tree():
    def make(seed):
        rng = np.random.default_rng(seed)
        return level_order(fill(random_shape(rng, 50), random_values(rng, 50, -5, 5)))

    assert make(3) == make(3)
    assert make(3) != make(4)


def test_chain_sides_and_depth():
    assert level_order(fill(chain(3, "left"), [1, 2, 3])) == [1, 2, None, 3]
    assert level_order(fill(chain(3, "right"), [1, 2, 3])) == [1, None, 2, None, 3]
    assert level_order(fill(chain(3, "zigzag"), [1, 2, 3])) == [1, 2, None, None, 3]
    assert _height(chain(5000, "zigzag")) == 5000
    assert chain(0) is None


def test_deep_shape_keeps_the_spine():
    rng = np.random.default_rng(0)
    root = deep_shape(rng, 1000, 400)
    assert len(nodes_preorder(root)) == 1000
    assert _height(root) >= 400


def test_complete_tree_shape():
    assert level_order(complete(6)) == [0, 1, 2, 3, 4, 5]
    assert _height(complete(1000)) == 10


def test_fill_inorder_makes_a_search_tree_and_rejects_a_wrong_count():
    rng = np.random.default_rng(2)
    root = fill(random_shape(rng, 100, depth_bias=0.5), range(100), order="in")
    assert [n.val for n in nodes_inorder(root)] == list(range(100))
    pre = fill(complete(3), [7, 8, 9], order="pre")
    assert level_order(pre) == [7, 8, 9]
    with pytest.raises(ValueError, match="3 values for 4 nodes"):
        fill(complete(4), [1, 2, 3])
