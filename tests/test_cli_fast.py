"""The typer-free answers to `mianjing --help` and `mianjing list` (cli/fasthelp.py, cli/fastlist.py):
the same content as the typer commands, without importing typer, and a fall-through for the rest."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from mianjing.cli import fasthelp
from mianjing.cli.app import app
from mianjing.paths import PROBLEMS_DIR

HEAVY = ("typer", "click", "numpy", "torch")


def _first_paragraph(text: str) -> str:
    return " ".join(text.split("\n\n")[0].split())


def _typer_commands() -> list[tuple[str, str]]:
    import click
    import typer.main

    group = typer.main.get_command(app)
    ctx = click.Context(group)
    out = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if not cmd.hidden:
            out.append((name, _first_paragraph(cmd.short_help or cmd.help or "")))
    return out


def test_fast_help_lists_exactly_the_typer_apps_commands():
    """A command added, renamed or re-described in the typer app without the same change here fails."""
    assert [(n, _first_paragraph(t)) for n, t in fasthelp.COMMANDS] == _typer_commands()
    group_help = _first_paragraph(app.info.help or "")
    assert _first_paragraph(fasthelp.ROOT_HELP) == group_help
    typer_help = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"}).output
    for option, text in fasthelp.OPTIONS:
        assert option in typer_help and text in typer_help


def _run(*args: str, home, importtime: bool = False) -> subprocess.CompletedProcess:
    env = dict(os.environ, MIANJING_HOME=str(home), COLUMNS="100", MIANJING_LANG="en")
    argv = [sys.executable] + (["-X", "importtime"] if importtime else []) + ["-m", "mianjing", *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, env=env)


def _imported(stderr: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"^import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)\s*$", stderr, re.M)}


def test_help_and_list_answer_without_typer(tmp_path):
    for args, module in ((["--help"], "mianjing.cli.fasthelp"), (["list"], "mianjing.cli.fastlist"),
                         (["list", "--json"], "mianjing.cli.fastlist")):
        _run(*args, home=tmp_path)  # the first list builds the cache
        proc = _run(*args, home=tmp_path, importtime=True)
        assert proc.returncode == 0, proc.stderr[-2000:]
        loaded = _imported(proc.stderr)
        assert module in loaded  # the measurement sees our own modules
        heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY)
        assert not heavy, (args, heavy)
    text = _run("--help", home=tmp_path).stdout
    for name, _ in fasthelp.COMMANDS:
        assert re.search(rf"^│ {re.escape(name)}\s", text, re.M), name
    assert _run(home=tmp_path).returncode == 2  # no arguments: the help, exit 2, as typer does


def test_fast_list_prints_what_the_typer_command_prints(tmp_path, monkeypatch):
    monkeypatch.setenv("MIANJING_HOME", str(tmp_path))
    monkeypatch.setenv("MIANJING_LANG", "en")
    runner = CliRunner()
    for args in (["list", "--json"], ["list", "--kind", "algo", "--json"], ["list", "--tag=binary-search", "--json"]):
        fast = _run(*args, home=tmp_path)
        assert fast.returncode == 0, fast.stderr
        assert json.loads(fast.stdout) == json.loads(runner.invoke(app, args).output), args
    table = _run("list", home=tmp_path).stdout
    assert "138 problems" in table or re.search(r"^\d+ problems", table.strip(), re.M)
    assert "rmsnorm" in table and "RMSNorm" in table


def test_unusual_list_calls_fall_through_to_typer(tmp_path):
    proc = _run("list", "--kind", "nope", home=tmp_path)
    assert proc.returncode == 2 and "--kind must be" in proc.stderr  # typer's message, not a silent empty list
    proc = _run("list", "--help", home=tmp_path)
    assert proc.returncode == 0 and "--set" in proc.stdout
    proc = _run("list", "--set", "hot100", "--json", home=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout)["set"] == "hot100"
    proc = _run("list", "--lang", "fr", home=tmp_path)
    assert proc.returncode == 2 and "--lang must be one of" in proc.stderr


@pytest.fixture
def small_bank(tmp_path, monkeypatch):
    monkeypatch.setenv("MIANJING_HOME", str(tmp_path / "home"))
    root = tmp_path / "problems"
    for pid in ("rmsnorm", "sqrt-int"):
        shutil.copytree(PROBLEMS_DIR / pid, root / pid)
    return root


def test_index_cache_follows_edits_and_refuses_a_broken_problem(small_bank):
    from mianjing.problems.index import _cache_path, summaries

    first = summaries(small_bank)
    assert [s["id"] for s in first] == ["rmsnorm", "sqrt-int"]
    assert _cache_path().is_file()
    toml = small_bank / "sqrt-int" / "problem.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('difficulty = "easy"', 'difficulty = "hard"', 1) + "\n", encoding="utf-8")
    assert next(s for s in summaries(small_bank) if s["id"] == "sqrt-int")["difficulty"] == "hard"
    shutil.rmtree(small_bank / "rmsnorm")
    assert [s["id"] for s in summaries(small_bank)] == ["sqrt-int"]
    toml.write_text("id = [broken\n", encoding="utf-8")
    assert summaries(small_bank) is None  # the caller takes the full path, which names the problem
    _cache_path().write_text("{not json", encoding="utf-8")  # a damaged cache is rebuilt, never trusted
    toml.write_text(text, encoding="utf-8")
    assert [s["id"] for s in summaries(small_bank)] == ["sqrt-int"]
