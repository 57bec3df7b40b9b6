"""The problem bank: one folder per problem under bank/problems/, found by scanning."""

from __future__ import annotations

import difflib
from pathlib import Path

from ..paths import PROBLEMS_DIR
from .spec import Problem, ProblemError, load_problem


class UnknownProblem(KeyError):
    def __init__(self, pid: str, known: list[str]):
        close = difflib.get_close_matches(pid, known, n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
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


def get_problem(pid: str, root: Path = PROBLEMS_DIR) -> Problem:
    folder = root / pid
    if pid and "/" not in pid and (folder / "problem.toml").exists():
        return load_problem(folder)
    raise UnknownProblem(pid, [p.name for p in problem_dirs(root)])
