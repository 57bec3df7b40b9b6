from mianjing.checkers.linked import check_relinked, check_reordered, check_untouched


def test_relinked_accepts_the_exact_arrangement_and_explains_the_two_lookalikes():
    expected = {"out": [3, 2, 1], "nodes": [2, 1, 0]}
    assert check_relinked(expected, {"out": [3, 2, 1], "nodes": [2, 1, 0]}, hidden=True).ok
    new = check_relinked(expected, {"out": [3, 2, 1], "nodes": [-1, -1, -1]}, hidden=True)
    assert not new.ok and "not in the input" in new.message
    moved = check_relinked(expected, {"out": [3, 2, 1], "nodes": [0, 1, 2]}, hidden=True)
    assert not moved.ok and "rewriting their val" in moved.message
    values = check_relinked(expected, {"out": [3, 1, 2], "nodes": [2, 0, 1]}, hidden=False)
    assert not values.ok and "out[1]" in values.message


def test_reordered_allows_any_order_of_equal_values_but_every_node_once():
    input_values = [2, 1, 2]
    expected = {"out": [1, 2, 2], "nodes": [1, 0, 2]}
    assert check_reordered(input_values, expected, {"out": [1, 2, 2], "nodes": [1, 2, 0]}, hidden=True).ok
    lost = check_reordered(input_values, expected, {"out": [1, 2, 2], "nodes": [1, 0, 0]}, hidden=True)
    assert not lost.ok and "exactly once" in lost.message
    rewritten = check_reordered([2, 1, 3], {"out": [1, 2, 3], "nodes": [1, 0, 2]},
                                {"out": [1, 2, 3], "nodes": [0, 1, 2]}, hidden=True)
    assert not rewritten.ok and "val fields" in rewritten.message
    new = check_reordered(input_values, expected, {"out": [1, 2, 2], "nodes": [1, -1, 2]}, hidden=True)
    assert not new.ok and "not in the input" in new.message


def test_untouched_only_passes_an_intact_input():
    assert check_untouched({"intact": True}) is None
    res = check_untouched({"intact": False}, "list A")
    assert res is not None and not res.ok and res.message.startswith("list A was changed")
    assert check_untouched({}) is not None
