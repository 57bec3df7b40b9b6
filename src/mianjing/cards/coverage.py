"""Which catalogue items the bank covers: cards for K, R, B and A03; judged problems for C items.

An item is covered when content of its scope exists (see catalogue.py): a card whose `answers`
names it (scope `cards`), a problem whose `problem.toml` lists it under `catalogue` (scope
`problems`). Feature items (A01, A02, A04) are reported with the feature that covers them and are
never `missing` here: they are product features, not content.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .bank import Bank
from .catalogue import Item

SCOPES = ("cards", "problems", "feature")


def default_problems_dir() -> Path:
    from .. import paths

    return paths.PROBLEMS_DIR


def problem_catalogue(problems_dir: Path | None = None) -> tuple[dict[str, list[str]], list[str]]:
    """Problem id -> the catalogue ids its problem.toml lists; plus warnings for unreadable files."""
    problems_dir = Path(problems_dir) if problems_dir else default_problems_dir()
    found: dict[str, list[str]] = {}
    warnings: list[str] = []
    if not problems_dir.is_dir():
        return found, warnings
    for toml_path in sorted(problems_dir.glob("*/problem.toml")):
        pid = toml_path.parent.name
        try:
            doc = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            warnings.append(f"{toml_path}: cannot be read ({exc}); not counted")
            continue
        ids = doc.get("catalogue", [])
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            warnings.append(f"{toml_path}: `catalogue` must be a list of ids like [\"C10\"]; not counted")
            continue
        found[pid] = ids
    return found, warnings


def set_rows(problems_dir: Path | None = None) -> dict[str, set[int]]:
    """Study set name -> the rows that judged problems fill (from each problem.toml's [set])."""
    problems_dir = Path(problems_dir) if problems_dir else default_problems_dir()
    rows: dict[str, set[int]] = {}
    for toml_path in sorted(problems_dir.glob("*/problem.toml")) if problems_dir.is_dir() else []:
        try:
            entry = tomllib.loads(toml_path.read_text(encoding="utf-8")).get("set")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue  # already reported by problem_catalogue
        if isinstance(entry, dict) and isinstance(entry.get("name"), str) and isinstance(entry.get("row"), int):
            rows.setdefault(entry["name"], set()).add(entry["row"])
    return rows


@dataclass
class ItemCoverage:
    item: Item
    cards: list[str]
    problems: list[str]
    # items that are a whole list (C18 = LeetCode Hot 100): {"set", "judged", "total"}; covered when complete
    progress: dict | None = None

    @property
    def covered(self) -> bool:
        if self.item.scope == "cards":
            return bool(self.cards)
        if self.progress is not None:
            return self.progress["judged"] >= self.progress["total"]
        if self.item.scope == "problems":
            return bool(self.problems)
        return True  # a feature is not content; covered elsewhere

    def to_dict(self) -> dict:
        doc = {
            "id": self.item.id,
            "kind": self.item.kind,
            "scope": self.item.scope,
            "title": self.item.title,
            "cards": self.cards,
            "problems": self.problems,
            "covered": self.covered if self.item.scope != "feature" else None,
        }
        if self.item.scope == "feature":
            doc["feature"] = self.item.feature
        if self.progress is not None:
            doc["progress"] = self.progress
        return doc


@dataclass
class Coverage:
    items: list[ItemCoverage]
    warnings: list[str] = field(default_factory=list)
    unknown: dict[str, list[str]] = field(default_factory=dict)  # ids named by problems but not in the catalogue

    def missing(self, scope: str | None = None) -> list[str]:
        return [c.item.id for c in self.items
                if c.item.scope != "feature" and not c.covered and (scope is None or c.item.scope == scope)]

    def summary(self) -> dict[str, dict[str, int]]:
        """Per kind (K, R, C, B, A): total items, covered, missing (features counted apart)."""
        out: dict[str, dict[str, int]] = {}
        for c in self.items:
            row = out.setdefault(c.item.kind, {"total": 0, "covered": 0, "missing": 0, "feature": 0})
            row["total"] += 1
            if c.item.scope == "feature":
                row["feature"] += 1
            elif c.covered:
                row["covered"] += 1
            else:
                row["missing"] += 1
        return out

    def to_dict(self) -> dict:
        return {
            "items": [c.to_dict() for c in self.items],
            # in-scope items with nothing covering them: cards for K/R/B/A03, problems for C
            "missing": self.missing(),
            "missing_by_scope": {"cards": self.missing("cards"), "problems": self.missing("problems")},
            "summary": self.summary(),
            "scopes": {
                "cards": "K, R and B items and A03: covered by at least one knowledge card",
                "problems": "C items: covered by at least one judged problem",
                "feature": "A01, A02, A04: product features, never counted as missing",
            },
            "warnings": self.warnings,
        }


def coverage(bank: Bank, problems_dir: Path | None = None) -> Coverage:
    by_item_cards: dict[str, list[str]] = {}
    for card in bank.cards.values():
        for item_id in card.answers:
            by_item_cards.setdefault(item_id, []).append(card.id)
    problems, warnings = problem_catalogue(problems_dir)
    by_item_problems: dict[str, list[str]] = {}
    unknown: dict[str, list[str]] = {}
    for pid, ids in problems.items():
        for item_id in ids:
            if item_id in bank.catalogue:
                by_item_problems.setdefault(item_id, []).append(pid)
            else:
                unknown.setdefault(pid, []).append(item_id)
    for pid, ids in unknown.items():
        warnings.append(f"problem {pid} lists {', '.join(ids)}, not in the catalogue")
    items = [ItemCoverage(item, sorted(by_item_cards.get(i, [])), sorted(by_item_problems.get(i, [])))
             for i, item in bank.catalogue.items()]
    # an item that is a whole study set is covered row by row (C18: the judged rows of Hot 100)
    from ..problems.sets import SetError, load_set, set_names

    filled = set_rows(problems_dir)
    for name in set_names():
        try:
            st = load_set(name)
        except SetError as exc:
            warnings.append(str(exc))
            continue
        for ic in items:
            if ic.item.id == st.catalogue:
                judged = len({r for r in filled.get(name, set()) if 1 <= r <= st.total})
                ic.progress = {"set": name, "judged": judged, "total": st.total}
    return Coverage(items, warnings, unknown)
