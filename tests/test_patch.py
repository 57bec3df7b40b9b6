"""Known-wrong solutions stored as unified diffs: applied strictly, drift reported."""

import difflib

import pytest

from mianjing.problems.patch import PatchError, apply_unified_diff

REF = "def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n"
WRONG = "def f(xs):\n    total = 1\n    for x in xs:\n        total += x\n    return total\n"


def udiff(a: str, b: str, n: int = 3) -> str:
    return "".join(difflib.unified_diff(a.splitlines(True), b.splitlines(True), "reference.py", "wrong.py", n=n))


@pytest.mark.parametrize("context", [0, 1, 3])
def test_roundtrip(context):
    assert apply_unified_diff(REF, udiff(REF, WRONG, context)) == WRONG


def test_several_hunks_insertions_and_deletions():
    ref = "".join(f"line {i}\n" for i in range(40))
    lines = ref.splitlines(True)
    lines[3] = "changed\n"
    del lines[20]
    lines.insert(35, "added\n")
    wrong = "".join(lines)
    assert apply_unified_diff(ref, udiff(ref, wrong)) == wrong


def test_description_before_the_diff_is_allowed():
    assert apply_unified_diff(REF, "starts the sum at 1\n\n" + udiff(REF, WRONG)) == WRONG


def test_drift_is_reported():
    drifted = REF.replace("total = 0", "acc = 0")
    with pytest.raises(PatchError, match="does not match reference.py line 2"):
        apply_unified_diff(drifted, udiff(REF, WRONG))


def test_empty_or_noop_diff_refused():
    with pytest.raises(PatchError, match="no hunks"):
        apply_unified_diff(REF, "")
    with pytest.raises(PatchError, match="unchanged"):
        apply_unified_diff(REF, "@@ -1,1 +1,1 @@\n-def f(xs):\n+def f(xs):\n")


def test_bad_header_count():
    with pytest.raises(PatchError, match="promises"):
        apply_unified_diff(REF, "@@ -1,3 +1,3 @@\n-def f(xs):\n+def g(xs):\n")
