"""`mianjing judge ID FILE --json` over a warm service loads no typer, rich, numpy or torch in the
client (the console script used to import the whole typer app before the fast path ran)."""

from __future__ import annotations

import json
import os
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


def test_table_fast_path_needs_no_rich_and_prints_the_servers_drawing(service_home):
    """Without --json the service draws the table for the client's terminal: the client imports no
    rich, and the text is what rich prints for that terminal (colours only where rich would)."""
    src = service_home / "sqrt-int.py"
    src.write_text(get_problem("sqrt-int").reference_source(), encoding="utf-8")
    argv = [sys.executable, "-X", "importtime", "-m", "mianjing", "judge", "sqrt-int", str(src), "--seed", "1"]
    env = dict(os.environ, COLUMNS="90")
    env.pop("FORCE_COLOR", None)
    subprocess.run(argv, capture_output=True, text=True, timeout=600, env=env)  # starts the service
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=600, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    loaded = _imported(proc.stderr)
    assert "mianjing.cli.fastjudge" in loaded
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY)
    assert not heavy, heavy
    assert "accepted" in proc.stdout and "example-1" in proc.stdout and "\x1b[" not in proc.stdout
    assert max(len(line) for line in proc.stdout.splitlines()) <= 90
    coloured = subprocess.run(argv[:1] + argv[3:], capture_output=True, text=True, timeout=600,
                              env=dict(env, FORCE_COLOR="1"))
    assert coloured.returncode == 0 and "\x1b[" in coloured.stdout


RICH_HERE = r"""
import json, sys
from rich.console import Console
from mianjing.cli.report import render_report, render_text
from mianjing.cli.terminal import terminal_of_this_process
doc = json.loads(sys.argv[1])
sys.stderr.write(json.dumps(render_text(doc, terminal_of_this_process())))
render_report(doc, Console(), Console(stderr=True, file=open(sys.argv[2], "w")))
"""


@pytest.mark.parametrize("env", [{"COLUMNS": "70"}, {"COLUMNS": "120", "FORCE_COLOR": "1"},
                                 {"COLUMNS": "100", "NO_COLOR": "1", "FORCE_COLOR": "1"}])
def test_text_drawn_elsewhere_is_what_rich_prints_here(tmp_path, env):
    doc = {"problem": "sqrt-int", "seed": 3, "verdict": "wrong_answer", "passed": 1, "total": 2, "time_ms": 4.2,
           "message": "wrong_answer on case b", "warning": "this submission was not saved: test",
           "cases": [{"name": "a", "hidden": False, "verdict": "accepted", "time_ms": 1.0, "message": ""},
                     {"name": "b", "hidden": True, "verdict": "wrong_answer", "time_ms": 2.0,
                      "message": "expected 3, got 4 [and a [bracket]]", "detail": "x: int"}]}
    run_env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "COLUMNS")} | env
    err_file = tmp_path / "err.txt"
    proc = subprocess.run([sys.executable, "-c", RICH_HERE, json.dumps(doc), str(err_file)], capture_output=True,
                          text=True, timeout=120, env=run_env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out, err = json.loads(proc.stderr)
    assert out == proc.stdout
    assert "not saved" in err and err == err_file.read_text()


def test_absurd_terminal_sizes_are_bounded():
    from mianjing.cli.report import render_text

    doc = {"problem": "p", "seed": 1, "verdict": "accepted", "passed": 1, "total": 1, "time_ms": 1.0,
           "cases": [{"name": "a", "hidden": False, "verdict": "accepted", "time_ms": 1.0, "message": ""}]}
    out, _ = render_text(doc, {"tty": True, "size": [10**9, 10**9], "env": {"COLUMNS": "999999999"}})
    assert "accepted" in out and max(len(line) for line in out.splitlines()) <= 1000
    out, _ = render_text(doc, {"tty": False, "size": "junk", "env": {"COLUMNS": "x", "EVIL": "1"}})
    assert "accepted" in out
