"""Load every card of the bank: `bank/cards/<topic>/<card-id>.md`, validated.

`load_bank()` never raises for a bad card: a card with issues is left out of `cards` and its
issues are in `issues`, so the commands keep working on the valid ones and `mianjing cards check`
(and the test suite) reports the rest.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .card import LANGS, LEVELS, Card
from .catalogue import Item, load_catalogue
from .schema import Issue, validate_file


def default_cards_dir() -> Path:
    from .. import paths

    return paths.CARDS_DIR


def card_files(cards_dir: Path | None = None) -> list[Path]:
    """Every card file: `<topic>/<id>.md`, sorted by topic then id."""
    cards_dir = Path(cards_dir) if cards_dir else default_cards_dir()
    if not cards_dir.is_dir():
        return []
    return sorted(p for p in cards_dir.glob("*/*.md") if not p.name.startswith((".", "_")))


@dataclass
class Bank:
    cards: dict[str, Card]  # id -> card, valid cards only, sorted by topic then id
    issues: list[Issue]
    catalogue: dict[str, Item]
    root: Path
    files: list[Path] = field(default_factory=list)

    def get(self, card_id: str) -> Card | None:
        return self.cards.get(card_id)

    def topics(self) -> list[str]:
        return sorted({c.topic for c in self.cards.values()})

    def select(self, *, topic: str | None = None, tag: str | None = None, level: str | None = None) -> list[Card]:
        out = []
        for card in self.cards.values():
            if topic and card.topic != topic:
                continue
            if tag and tag not in card.tags:
                continue
            if level and card.level != level:
                continue
            out.append(card)
        return out

    def search(self, query: str) -> list[tuple[Card, int]]:
        """Cards matching every word of `query` (case-insensitive substring), best first.

        A hit in the id, tags, catalogue ids or question weighs more than one in the answer text.
        """
        words = [w.casefold() for w in query.split() if w.strip()]
        if not words:
            return []
        scored = []
        for card in self.cards.values():
            strong = " ".join([card.id, " ".join(card.tags), " ".join(card.answers)]
                              + [card.side(lang).question for lang in LANGS]).casefold()
            weak = " ".join(card.side(lang).sections.get(k, "") for lang in LANGS
                            for k in ("short", "full", "derivation", "followups", "mistakes", "keypoints")).casefold()
            score = 0
            for w in words:
                s = 3 * strong.count(w) + weak.count(w)
                if s == 0:
                    break
                score += s
            else:
                scored.append((card, score))
        scored.sort(key=lambda cs: (-cs[1], cs[0].topic, cs[0].id))
        return scored


def load_bank(cards_dir: Path | None = None, *, catalogue_path: Path | None = None,
              today: dt.date | None = None) -> Bank:
    cards_dir = Path(cards_dir) if cards_dir else default_cards_dir()
    catalogue = load_catalogue(catalogue_path)
    ids = set(catalogue)
    cards: dict[str, Card] = {}
    issues: list[Issue] = []
    files = card_files(cards_dir)
    by_id: dict[str, list[Path]] = defaultdict(list)
    parsed: list[Card] = []
    for path in files:
        card, found = validate_file(path, ids, today=today)
        issues.extend(found)
        if card is not None:
            by_id[card.file_id].append(path)
        if card is not None and not found:
            parsed.append(card)
    dupes = {i: ps for i, ps in by_id.items() if len(ps) > 1}
    for card_id, paths in sorted(dupes.items()):
        for p in paths:
            others = ", ".join(f"{o.parent.name}/{o.name}" for o in paths if o != p)
            issues.append(Issue(p, "id", f"{card_id!r} is used by more than one card (also {others}); ids are unique across topics"))
    for card in parsed:
        if card.file_id not in dupes:
            cards[card.id] = card
    return Bank(cards=cards, issues=issues, catalogue=catalogue, root=cards_dir, files=files)


def level_rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)
