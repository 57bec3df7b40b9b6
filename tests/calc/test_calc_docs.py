"""docs/calculators.md shows real output: every `$ mianjing calc ...` block still prints exactly that."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from mianjing.cli import calc

DOC = Path(__file__).resolve().parents[2] / "docs" / "calculators.md"
BLOCKS = re.findall(r"```console\n\$ (mianjing calc [^\n]+)\n(.*?)\n```", DOC.read_text(encoding="utf-8"), re.S)


def test_doc_has_the_readme_answers():
    cmds = [c for c, _ in BLOCKS]
    assert any("qwen2.5-32b" in c and "--method all" in c for c in cmds)
    assert any("llama-3.1-70b" in c and "--seq 131072" in c and c.startswith("mianjing calc kv") for c in cmds)


@pytest.mark.parametrize("cmd,expected", [b for b in BLOCKS if "--measure" not in b[0]], ids=lambda x: x[:60])
def test_doc_block_is_current(cmd, expected):
    root = typer.Typer()
    calc.register(root)

    @root.callback()
    def _r():
        pass
    args = shlex.split(cmd)[1:]
    r = CliRunner().invoke(root, args, env={"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.output
    assert r.output.rstrip() == expected
