"""What `mianjing list` shows of every problem, kept in a small cache so listing parses no TOML.

Parsing all 138 `problem.toml` files costs about 40 ms, a third of the 120 ms a listing may take.
The cache (`$MIANJING_HOME/cache/problems.json`) keeps each problem's `Problem.summary()` under a
key made of its `problem.toml`'s mtime and size and its folder's mtime: a stat per problem says
whether an entry still holds, and only the problems that changed are parsed again. A cache that
cannot be read or written is rebuilt or skipped; it never decides anything the files do not.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..paths import PROBLEMS_DIR

VERSION = 1


def _cache_path() -> Path:
    from ..paths import home

    return home() / "cache" / "problems.json"


def _keys(root: Path) -> dict[str, list[int]]:
    """folder name -> [problem.toml mtime_ns, size, folder mtime_ns], for every problem folder."""
    keys: dict[str, list[int]] = {}
    with os.scandir(root) as it:
        for entry in it:
            if not entry.is_dir():
                continue
            try:
                st = os.stat(os.path.join(entry.path, "problem.toml"))
            except OSError:
                continue  # not a problem folder
            keys[entry.name] = [st.st_mtime_ns, st.st_size, entry.stat().st_mtime_ns]
    return keys


def summaries(root: Path = PROBLEMS_DIR) -> list[dict[str, Any]] | None:
    """Every problem's summary, sorted by id; None when a problem does not load (the caller then
    takes the full path, which lists the others and says what is wrong with it)."""
    keys = _keys(root)
    path = _cache_path()
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if cached.get("version") != VERSION or cached.get("root") != str(root):
            cached = {}
    except (OSError, ValueError, AttributeError):
        cached = {}
    old = cached.get("problems", {}) if isinstance(cached.get("problems"), dict) else {}
    out: dict[str, Any] = {}
    stale = [name for name in keys if not (isinstance(old.get(name), dict) and old[name].get("key") == keys[name])]
    for name in keys:
        if name not in stale:
            out[name] = old[name]
    if stale:
        from .spec import ProblemError, load_problem

        for name in stale:
            try:
                out[name] = {"key": keys[name], "summary": load_problem(root / name).summary()}
            except ProblemError:
                return None
    if stale or len(old) != len(out):
        _write(path, {"version": VERSION, "root": str(root), "problems": out})
    return [out[name]["summary"] for name in sorted(out)]


def _write(path: Path, doc: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)  # whole or absent: a killed process leaves the old cache
    except OSError:
        pass  # a read-only home: list still works, only slower
