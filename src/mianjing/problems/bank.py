"""The problem bank: one folder per problem under bank/problems/, found by scanning."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from ..paths import PROBLEMS_DIR
from .spec import Problem, ProblemError, load_problem


class UnknownProblem(KeyError):
    def __init__(self, pid: str, known: list[str], hint: str = ""):
        close = difflib.get_close_matches(pid, known, n=3)
        hint = hint or (f" Did you mean: {', '.join(close)}?" if close else "")
        super().__init__(f"unknown problem id '{pid}'.{hint} Run `mianjing list` to see all ids.")

    def __str__(self) -> str:
        return self.args[0]


def problem_dirs(root: Path = PROBLEMS_DIR) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "problem.toml").exists())


def all_problems(root: Path = PROBLEMS_DIR) -> tuple[Problem, ...]:
    return tuple(load_problem(p) for p in problem_dirs(root))


def load_all(root: Path = PROBLEMS_DIR) -> tuple[list[Problem], list[str]]:
    """Every problem that loads, and one message per folder that does not (listing goes on)."""
    problems, errors = [], []
    for folder in problem_dirs(root):
        try:
            problems.append(load_problem(folder))
        except ProblemError as exc:
            errors.append(str(exc))
    return problems, errors


LC_ALIAS_RE = re.compile(r"^lc(\d{1,5})$", re.IGNORECASE)


def resolve_id(pid: str, root: Path = PROBLEMS_DIR) -> str:
    """The problem id for `pid`, which may be a LeetCode number written `lc76`; `pid` itself otherwise."""
    m = LC_ALIAS_RE.match(pid or "")
    if not m:
        return pid
    number = int(m.group(1))
    line = re.compile(rf"^leetcode\s*=\s*{number}\s*(#.*)?$", re.MULTILINE)
    for folder in problem_dirs(root):  # a text scan: parsing every problem.toml would cost more
        if line.search((folder / "problem.toml").read_text(encoding="utf-8")):
            return folder.name
    return pid


def get_problem(pid: str, root: Path = PROBLEMS_DIR) -> Problem:
    pid = resolve_id(pid, root)
    folder = root / pid
    if pid and "/" not in pid and (folder / "problem.toml").exists():
        return load_problem(folder)
    known = [p.name for p in problem_dirs(root)]
    if LC_ALIAS_RE.match(pid or ""):
        raise UnknownProblem(pid, known, hint=f" No problem here has LeetCode number {pid[2:]}.")
    raise UnknownProblem(pid, known)
