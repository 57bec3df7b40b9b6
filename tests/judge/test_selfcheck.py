"""`mianjing selfcheck --seeds 20`: references accepted over 20 seeds, known-wrong solutions rejected
with the verdict each names. Run once through the real CLI; asserted problem by problem."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from mianjing.problems.bank import problem_dirs

SEEDS = int(os.environ.get("MIANJING_SELFCHECK_SEEDS", "20"))
JOBS = max(1, min(4, os.cpu_count() or 1))  # the problems are independent: one judge process per core


@pytest.fixture(scope="session")
def selfcheck(tmp_path_factory):
    env = dict(os.environ, MIANJING_HOME=str(tmp_path_factory.mktemp("selfcheck-home")))
    proc = subprocess.run(
        [sys.executable, "-m", "mianjing.cli.app", "selfcheck", "--seeds", str(SEEDS), "--json", "--jobs", str(JOBS)],
        capture_output=True, text=True, env=env, timeout=4800,
    )
    doc = json.loads(proc.stdout)
    assert (proc.returncode == 0) == doc["ok"]
    assert not doc.get("errors"), doc.get("errors")
    return doc


@pytest.mark.parametrize("pid", [p.name for p in problem_dirs()])
def test_selfcheck(selfcheck, pid):
    mine = [o for o in selfcheck["outcomes"] if o["problem"] == pid]
    refs = [o for o in mine if o["solution"] == "reference.py"]
    assert len(refs) == SEEDS
    wrongs = [o for o in mine if o["solution"] != "reference.py"]
    assert len(wrongs) >= 3
    bad = [f"{o['solution']} seed {o['seed']}: got {o['got']}, expected {o['expected']}: {o['message'][:200]}"
           for o in mine if not o["ok"]]
    assert not bad, "\n".join(bad)
