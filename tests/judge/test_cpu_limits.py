"""Time limits on CPU time measured from the kernel, the wall clock as a safety net, the messages
that say which limit was hit, bounded case generation, the worker's /tmp and its clean-up."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from mianjing.judge import controller, zygote
from mianjing.judge.local import LocalJudge
from mianjing.problems.bank import get_problem
from mianjing.problems.spec import load_problem


BISECT = """
def root(x):
    lo, hi = 0, x
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= x:
            lo = mid
        else:
            hi = mid - 1
    return lo
"""


def test_sleeping_within_the_wall_net_is_not_charged(judge):
    # 0.4 s asleep on one case uses no CPU: under the 200 ms CPU limit (a wall-clock timer failed it)
    code = BISECT + ("import time\n"
                     "def my_sqrt(x):\n"
                     "    if x == 8:\n"
                     "        time.sleep(0.4)\n"
                     "    return root(x)\n")
    rep = judge.judge("sqrt-int", code, seed=3)
    assert rep.verdict == "accepted", rep.message


def test_sleeping_forever_ends_at_the_wall_net_and_says_so(judge, still_works):
    code = "import time\ndef my_sqrt(x):\n    time.sleep(60)\n"
    t0 = time.monotonic()
    rep = judge.judge("sqrt-int", code, seed=3)
    assert time.monotonic() - t0 < 20
    assert rep.verdict == "time_limit_exceeded"
    assert "wall-clock" in rep.cases[0].message and "sleeps or waits" in rep.cases[0].message
    assert all(c.verdict == "skipped" for c in rep.cases[1:])
    still_works()


def test_endless_loop_on_a_case_without_size_says_it_did_not_finish(judge):
    rep = judge.judge("sqrt-int", "def my_sqrt(x):\n    while True:\n        pass\n", seed=3)
    assert rep.verdict == "time_limit_exceeded"
    assert "did not finish" in rep.message and "large inputs" not in rep.message
    assert "200 ms" in rep.cases[0].message  # the statement's limit
    assert rep.cases[0].message.count("CPU") == 1


def _burn(seconds: float) -> str:
    return ("import time\n"
            "def burn():\n"
            f"    t = time.thread_time() + {seconds}\n"
            "    while time.thread_time() < t:\n"
            "        pass\n")


def test_queued_cases_are_charged_one_by_one(judge):
    # untimed cases are queued several at a time: each is charged from the previous one's answer,
    # so 24 cases at 60% of the 200 ms limit each pass (charged together they would be 14x over)
    code = BISECT + _burn(0.12) + "def my_sqrt(x):\n    burn()\n    return root(x)\n"
    rep = judge.judge("sqrt-int", code, seed=3)
    assert rep.verdict == "accepted", rep.message
    assert all(50 <= c.time_ms <= 200 for c in rep.cases if not c.hidden), [c.time_ms for c in rep.cases]


def test_an_endless_loop_in_a_queued_case_names_that_case(judge):
    # the loop starts on the 6th case, with later cases already queued behind it: they are skipped
    code = BISECT + ("calls = 0\n"
                     "def my_sqrt(x):\n"
                     "    global calls\n"
                     "    calls += 1\n"
                     "    while calls == 6:\n"
                     "        pass\n"
                     "    return root(x)\n")
    rep = judge.judge("sqrt-int", code, seed=3)
    assert rep.verdict == "time_limit_exceeded"
    assert [c.verdict for c in rep.cases[:5]] == ["accepted"] * 5
    assert rep.cases[5].verdict == "time_limit_exceeded" and "did not finish" in rep.cases[5].message
    assert all(c.verdict == "skipped" for c in rep.cases[6:])


def test_quadratic_solution_gets_the_statements_limit_and_an_exponent(judge):
    problem = get_problem("lis")
    rep = judge.judge("lis", problem.wrong_source(problem.wrong[0]), seed=1)
    assert rep.verdict == "time_limit_exceeded", rep.message
    tle = [c for c in rep.cases if c.verdict == "time_limit_exceeded"]
    assert f"{problem.time_limit_ms:.0f} ms" in tle[0].message  # 500 ms, as in the statement
    assert rep.complexity is not None and rep.complexity["exponent"] is not None
    assert rep.complexity["exponent"] >= 1.3, rep.complexity  # clearly above n log n (about 1.0-1.1)
    assert "expected O(n log n)" in rep.message


def test_reference_is_timed_in_cpu_time_and_small_sized_cases_repeat():
    problem = get_problem("lis")
    prep = controller.prepare(problem, 1)
    sized = [i for i, c in enumerate(prep.cases) if c.size is not None]
    assert sized and all(ms > 0 for ms in prep.ref_ms)
    assert len(prep.messages) == len(prep.cases)  # encoded once, reused by every job
    # the plan is by size: the small sizes three times, the large ones and unsized cases once
    largest = max(prep.cases[i].size for i in sized)
    plan = [controller.timing_runs(problem, prep.cases, i) for i in range(len(prep.cases))]
    assert plan == [3 if c.size is not None and c.size <= largest / 4 else 1 for c in prep.cases]
    assert 3 in plan and plan[sized[-1]] == 1
    flat = get_problem("search-insert-position")  # O(log n): nothing to fit, every size once
    cases = controller.prepare(flat, 1).cases
    assert any(c.size for c in cases) and all(controller.timing_runs(flat, cases, i) == 1 for i in range(len(cases)))


def _broken_problem(tmp_path: Path, body: str) -> object:
    folder = tmp_path / "sqrt-int"
    shutil.copytree(get_problem("sqrt-int").path, folder)
    (folder / "cases.py").write_text(body, encoding="utf-8")
    return load_problem(folder)


def test_cases_that_loop_forever_fail_within_the_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(controller, "CASES_TIMEOUT_S", 1.0)
    problem = _broken_problem(tmp_path, "def cases(rng):\n    while True:\n        pass\n")
    t0 = time.monotonic()
    with pytest.raises(controller.CaseGenerationError, match="did not finish within 1 s"):
        controller.prepare(problem, 1)
    assert time.monotonic() - t0 < 8


def test_cases_that_raise_say_why(tmp_path):
    problem = _broken_problem(tmp_path, "def cases(rng):\n    raise KeyError('oops')\n")
    with pytest.raises(controller.CaseGenerationError, match="cases.py failed: KeyError"):
        controller.prepare(problem, 1)


def test_tmp_is_writable_per_job_and_empty_for_the_next(judge):
    if os.geteuid() != 0:
        pytest.skip("a private /tmp needs a mount namespace (root here)")
    write = BISECT + ("import os\n"
             "def my_sqrt(x):\n"
             "    with open('/tmp/x', 'w') as f:\n"
             "        f.write(str(x))\n"
             "    with open('/tmp/x') as f:\n"
             "        assert int(f.read()) == x\n"
             "    return root(x)\n")
    rep = judge.judge("sqrt-int", write, seed=3)
    assert rep.verdict == "accepted", rep.message
    look = BISECT + ("import os\n"
                     "def my_sqrt(x):\n"
                     "    assert not os.path.exists('/tmp/x'), 'left over from an earlier job'\n"
                     "    return root(x)\n")
    rep = judge.judge("sqrt-int", look, seed=3)
    assert rep.verdict == "accepted", rep.message


def _judge_dirs() -> set[str]:
    root = tempfile.gettempdir()
    return {n for n in os.listdir(root) if n.startswith("mianjing-judge-")}


def test_no_temporary_directory_is_left_after_close():
    before = _judge_dirs()
    j = LocalJudge(spare=True)
    try:
        assert j.judge("sqrt-int", get_problem("sqrt-int").reference_source(), seed=1).verdict == "accepted"
        # other judges on this machine may come and go meanwhile: only this zygote's directory counts
        mine = {n for n in _judge_dirs() - before if n.startswith(f"mianjing-judge-{j.pool.proc.pid}-")}
        assert len(mine) == 1
    finally:
        j.close()
    assert not (mine & _judge_dirs())


def test_stale_directories_are_removed_and_live_ones_kept(tmp_path):
    dead = tmp_path / "mianjing-judge-999999999-abc"
    live = tmp_path / f"mianjing-judge-{os.getpid()}-def"
    old = tmp_path / "mianjing-judge-k2j4h5g6"
    fresh = tmp_path / "mianjing-judge-q1w2e3r4"
    for d in (dead, live, old, fresh):
        (d / "w1").mkdir(parents=True)
    os.utime(old, (time.time() - 2 * zygote.STALE_UNNAMED_S,) * 2)
    removed = zygote.remove_stale_dirs(str(tmp_path))
    assert sorted(removed) == sorted([str(dead), str(old)])
    assert live.is_dir() and fresh.is_dir()


def test_a_deferred_refill_forks_the_next_spare_only_when_asked():
    # the service forks the next spare after it has sent the verdict, not while it is finishing it
    ref = get_problem("sqrt-int").reference_source()
    j = LocalJudge(defer_refill=True)
    try:
        assert j.pool._spare is not None  # the first spare is forked when the pool starts
        assert j.judge("sqrt-int", ref, seed=1).verdict == "accepted"
        assert j.pool._spare is None
        j.refill()
        assert j.pool._spare is not None
        assert j.judge("sqrt-int", ref, seed=2).verdict == "accepted"
    finally:
        j.close()


def test_an_answer_over_the_limit_is_a_time_out_even_between_two_looks_at_the_clock(judge):
    # 215 ms of CPU on the first case, limit 200 ms: the answer often arrives between two polls of
    # the worker's clock; it used to be accepted then, and is now a time-out whenever it is over
    code = BISECT + _burn(0.215) + ("first = [True]\n"
                                    "def my_sqrt(x):\n"
                                    "    if first[0]:\n"
                                    "        first[0] = False\n"
                                    "        burn()\n"
                                    "    return root(x)\n")
    for seed in (3, 4, 5):
        rep = judge.judge("sqrt-int", code, seed=seed)
        assert rep.verdict == "time_limit_exceeded", (seed, rep.cases[0].time_ms, rep.message)
        assert rep.cases[0].verdict == "time_limit_exceeded"
