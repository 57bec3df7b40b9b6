"""The numbered items of the seed (`bank/catalogue.md`), read from its Markdown tables.

Each item gets a `scope`, the kind of content that covers it:
  cards    K, R and B items and A03: at least one knowledge card must answer it
  problems C items: at least one judged problem must cover it
  feature  A01, A02, A04: a product feature (study plan, resume check, mock interviews), not content;
           reported, never counted as missing by the card coverage
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_ID = re.compile(r"^[KRCBA]\d{2}$")
# the column that holds an item's short description, per table header
_TITLE_COLUMNS = ("question", "report or focus", "problem", "item", "advice")
FEATURE_ITEMS = {"A01", "A02", "A04"}


@dataclass(frozen=True)
class Item:
    id: str
    kind: str  # K, R, C, B, A
    title: str
    scope: str  # cards | problems | feature
    feature: str = ""  # for A items: the feature the catalogue says covers it


def scope_of(item_id: str) -> str:
    kind = item_id[0]
    if kind == "C":
        return "problems"
    if item_id in FEATURE_ITEMS:
        return "feature"
    return "cards"


def default_path() -> Path:
    from .. import paths

    return paths.BANK_DIR / "catalogue.md"


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def load_catalogue(path: Path | None = None) -> dict[str, Item]:
    """id -> Item, in file order. Raises ValueError when the file holds no items."""
    path = Path(path) if path else default_path()
    items: dict[str, Item] = {}
    columns: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("|"):
            columns = []
            continue
        cells = _cells(line)
        if all(set(c) <= set("-: ") for c in cells):
            continue  # the |---|---| rule
        if cells and not _ID.match(cells[0]):
            columns = [c.lower() for c in cells]
            continue
        item_id = cells[0]
        title_col = next((columns.index(c) for c in _TITLE_COLUMNS if c in columns), len(cells) - 1)
        title = cells[title_col] if title_col < len(cells) else ""
        feature = ""
        if "feature that covers it" in columns:
            i = columns.index("feature that covers it")
            feature = cells[i] if i < len(cells) else ""
        items[item_id] = Item(item_id, item_id[0], title, scope_of(item_id), feature)
    if not items:
        raise ValueError(f"{path}: no catalogue items found (expected table rows like `| K01 | ... |`)")
    return items
