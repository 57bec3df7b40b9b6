"""`mianjing judge ID FILE --json` over a warm service loads no typer, rich, numpy or torch in the
client (the console script used to import the whole typer app before the fast path ran)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from mianjing.problems.bank import get_problem

HEAVY = ("typer", "rich", "numpy", "torch", "click")


@pytest.fixture
def service_home(tmp_path):
    from mianjing.judge import service

    yield tmp_path
    service.stop()


def _imported(stderr: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"^import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)\s*$", stderr, re.M)}


def test_json_fast_path_imports_nothing_heavy(service_home):
    src = service_home / "sqrt-int.py"
    src.write_text(get_problem("sqrt-int").reference_source(), encoding="utf-8")
    argv = [sys.executable, "-X", "importtime", "-m", "mianjing", "judge", "sqrt-int", str(src), "--seed", "1", "--json"]
    subprocess.run(argv, capture_output=True, text=True, timeout=600)  # starts the service
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout)["verdict"] == "accepted"
    loaded = _imported(proc.stderr)
    assert "mianjing.cli.fastjudge" in loaded  # the measurement sees our own modules
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY)
    assert not heavy, heavy
