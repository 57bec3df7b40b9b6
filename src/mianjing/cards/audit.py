"""A random sample of cards laid out for a human reviewer: each card's claims and sources next to
the code of the checks that are meant to prove them (`mianjing cards audit`).

Static: the checks are read from their `checks.py` with `ast`, never imported or run, so an audit
needs neither torch nor numpy.
"""

from __future__ import annotations

import ast
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .check_lint import lint_file
from .checks import checks_path


@dataclass
class CheckSource:
    name: str
    found: bool
    doc: str = ""
    code: str = ""
    line: int = 0
    lint: list[str] = field(default_factory=list)  # findings of mianjing.cards.check_lint

    def to_dict(self) -> dict:
        return {"name": self.name, "found": self.found, "doc": self.doc, "code": self.code,
                "line": self.line, "lint": self.lint}


@dataclass
class AuditEntry:
    card: object  # mianjing.cards.card.Card
    checks: list[CheckSource]

    def to_dict(self, today: date) -> dict:
        c = self.card
        reviewed = c.reviewed
        return {
            "id": c.id,
            "topic": c.topic,
            "path": str(c.path),
            "reviewed": reviewed.isoformat() if reviewed else None,
            "days_since_review": (today - reviewed).days if reviewed else None,
            "sources": c.sources,
            "question": {"zh": c.zh.question, "en": c.en.question},
            "short": {"zh": c.zh.short, "en": c.en.short},
            "checks": [s.to_dict() for s in self.checks],
        }


def sample_cards(cards: list, n: int, seed: int) -> list:
    """`n` cards (all when fewer), drawn with `random.Random(seed)` from the cards sorted by id, so the
    same seed and bank always give the same sample."""
    pool = sorted(cards, key=lambda c: c.id)
    return random.Random(seed).sample(pool, min(n, len(pool)))


def check_sources(topic_dir: Path, names: list[str]) -> list[CheckSource]:
    path = checks_path(topic_dir)
    if not path.is_file():
        return [CheckSource(n, False) for n in names]
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text, filename=str(path))
    defs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    findings = lint_file(path)
    out = []
    for name in names:
        node = defs.get(name)
        if node is None:
            out.append(CheckSource(name, False))
            continue
        lint = [f"{f.kind} (line {f.line}): {f.message}" for f in findings
                if f.function == name or f.function.startswith(name + ".")]
        out.append(CheckSource(name, True, ast.get_docstring(node) or "",
                               ast.get_source_segment(text, node) or "", node.lineno, lint))
    return out


def audit(cards: list, n: int, seed: int) -> list[AuditEntry]:
    return [AuditEntry(c, check_sources(c.path.parent, c.checks)) for c in sample_cards(cards, n, seed)]
