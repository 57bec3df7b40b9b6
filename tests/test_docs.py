"""The README and docs agree with the code: every command is documented and has help."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from mianjing.cli.app import app
from mianjing.problems.spec import VERDICTS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))


def commands() -> list[str]:
    root = get_command(app)
    out = []
    for name, cmd in root.commands.items():
        out.append(name)
        for sub in getattr(cmd, "commands", {}) or {}:
            out.append(f"{name} {sub}")
    return out


def test_every_command_is_documented():
    missing = [c for c in commands() if f"mianjing {c}" not in DOCS]
    assert not missing, f"undocumented commands: {missing}"


def test_every_command_has_a_help_text():
    root = get_command(app)
    for name, cmd in root.commands.items():
        assert (cmd.help or "").strip(), name
        for sub_name, sub in (getattr(cmd, "commands", {}) or {}).items():
            assert (sub.help or "").strip(), f"{name} {sub_name}"


def test_readme_names_every_verdict():
    for v in VERDICTS:
        assert f"`{v}`" in README, v


def test_readme_commands_exist():
    known = set(commands())
    for line in re.findall(r"^\$ mianjing ([a-z-]+(?: [a-z-]+)?)", README, flags=re.M):
        first = line.split()[0]
        assert line in known or first in known, line


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "pip install torch==2.13.0" in README and "python -m pytest -q" in README
    assert "python -m pytest -q" in ci and "torch==2.13.0" in ci
