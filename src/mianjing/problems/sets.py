"""Study sets (LeetCode Hot 100): their sections, and which judged problems fill which rows.

A set is described by `bank/sets/<name>.toml` (its title, total rows, sections by row range); a
problem joins it through the `[set]` table of its problem.toml. Both sides are validated against
each other by `set_report`, so a row claimed twice or a section that disagrees with the set's own
ranges is an error, not a silent miscount.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from ..paths import PROBLEMS_DIR

SETS_DIR = PROBLEMS_DIR.parent / "sets"


class SetError(Exception):
    """A set file is malformed, or problems disagree with it."""


@dataclass(frozen=True)
class Section:
    name: str  # "哈希 hashing": Chinese label, then English
    first: int
    last: int

    def label(self, lang: str) -> str:
        zh, _, en = self.name.partition(" ")
        return (en or zh) if lang == "en" else zh

    @property
    def size(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class StudySet:
    name: str
    title: dict[str, str]
    total: int
    catalogue: str
    sections: tuple[Section, ...]

    def section_of(self, row: int) -> Section | None:
        return next((s for s in self.sections if s.first <= row <= s.last), None)


def set_names() -> list[str]:
    return sorted(p.stem for p in SETS_DIR.glob("*.toml"))


def load_set(name: str) -> StudySet:
    path = SETS_DIR / f"{name}.toml"
    if not path.is_file():
        known = ", ".join(set_names()) or "none"
        raise SetError(f"unknown set '{name}' (known: {known})")
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        sections = tuple(Section(s["name"], int(s["rows"][0]), int(s["rows"][1])) for s in doc["section"])
        st = StudySet(doc["name"], dict(doc["title"]), int(doc["total"]), doc.get("catalogue", ""), sections)
    except (KeyError, IndexError, TypeError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise SetError(f"{path}: malformed set file ({exc})") from None
    expected = 1
    for s in st.sections:  # sections tile rows 1..total in order
        if s.first != expected or s.last < s.first:
            raise SetError(f"{path}: section '{s.name}' should start at row {expected}")
        expected = s.last + 1
    if expected != st.total + 1:
        raise SetError(f"{path}: sections cover {expected - 1} rows, total says {st.total}")
    return st


def members(st: StudySet, problems: Iterable) -> dict[int, object]:
    """Row -> the problem judged for it. Raises SetError when problems disagree with the set."""
    rows: dict[int, object] = {}
    for p in problems:
        entry = getattr(p, "set", None)
        if entry is None or entry.name != st.name:
            continue
        section = st.section_of(entry.row)
        if section is None:
            raise SetError(f"problem {p.id}: row {entry.row} is outside set {st.name} (1..{st.total})")
        if entry.section != section.name:
            raise SetError(f"problem {p.id}: row {entry.row} belongs to section '{section.name}', not '{entry.section}'")
        if entry.row in rows:
            raise SetError(f"problems {rows[entry.row].id} and {p.id} both claim row {entry.row} of {st.name}")
        rows[entry.row] = p
    return rows


def progress(st: StudySet, problems: Iterable, status: dict[str, str]) -> dict:
    """Per section: rows, judged rows, solved rows (by the user's status)."""
    rows = members(st, problems)
    sections = []
    for s in st.sections:
        judged = [rows[r] for r in range(s.first, s.last + 1) if r in rows]
        solved = sum(1 for p in judged if status.get(p.id, "new").startswith("solved"))
        sections.append({"section": s.name, "rows": [s.first, s.last], "total": s.size,
                         "judged": len(judged), "solved": solved})
    return {
        "set": st.name,
        "title": st.title,
        "total": st.total,
        "judged": len(rows),
        "solved": sum(x["solved"] for x in sections),
        "sections": sections,
    }
