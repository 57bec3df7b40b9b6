"""With every optional Linux layer switched off (a laptop without Landlock, seccomp or namespaces),
the judge still grades correctly and says which layers are off."""

import pytest

from mianjing.judge.local import LocalJudge
from mianjing.problems.bank import get_problem


@pytest.fixture(scope="module")
def bare_judge():
    mp = pytest.MonkeyPatch()
    mp.setenv("MIANJING_DISABLE_LAYERS", "all")
    j = LocalJudge(spare=False)
    yield j
    j.close()
    mp.undo()


def test_degraded_judge_still_grades(bare_judge):
    ref = get_problem("sqrt-int").reference_source()
    rep = bare_judge.judge("sqrt-int", ref, seed=1)
    assert rep.verdict == "accepted"
    off = [layer for layer in rep.isolation if ": off" in layer]
    assert any(layer.startswith("landlock") for layer in off) and any(layer.startswith("seccomp") for layer in off)
    assert any(layer.startswith("job-rlimits: on") for layer in rep.isolation)  # limits are never optional
    assert bare_judge.judge("sqrt-int", "def my_sqrt(x):\n    return x\n", seed=1).verdict == "wrong_answer"
    # the wall-clock kill belongs to the controller: it works without any worker layer
    assert bare_judge.judge("sqrt-int", "def my_sqrt(x):\n    while True:\n        pass\n", seed=1).verdict == \
        "time_limit_exceeded"
    assert bare_judge.judge("rmsnorm", get_problem("rmsnorm").reference_source(), seed=1).verdict == "accepted"
