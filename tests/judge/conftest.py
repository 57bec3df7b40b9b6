import pytest

from mianjing.judge.local import LocalJudge
from mianjing.problems.bank import get_problem


@pytest.fixture(scope="session")
def judge():
    j = LocalJudge()
    yield j
    j.close()


@pytest.fixture
def still_works(judge):
    """After a hostile submission: the zygote is alive and honest code is still judged right."""

    def check():
        ref = get_problem("sqrt-int").reference_source()
        rep = judge.judge("sqrt-int", ref, seed=3)
        assert rep.verdict == "accepted", rep.message
        wrong = "def my_sqrt(x):\n    return x\n"
        assert judge.judge("sqrt-int", wrong, seed=3).verdict == "wrong_answer"

    return check
