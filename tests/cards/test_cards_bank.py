"""Every card shipped in the bank validates, and every check a card names passes.

Parametrized over the files on disk, so a new card or a new check is picked up without editing
this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mianjing import paths
from mianjing.cards.bank import card_files, load_bank
from mianjing.cards.card import parse_card
from mianjing.cards.catalogue import load_catalogue
from mianjing.cards.checks import run_check
from mianjing.cards.schema import validate_file

CARD_FILES = card_files(paths.CARDS_DIR)
CATALOGUE_IDS = set(load_catalogue())


def _named_checks() -> list[tuple[Path, str, list[str]]]:
    """(topic dir, check name, cards naming it) for every check named by any parseable card."""
    named: dict[tuple[Path, str], list[str]] = {}
    for path in CARD_FILES:
        try:
            card = parse_card(path)
        except Exception:
            continue  # the validation test reports it
        for name in card.checks:
            named.setdefault((path.parent, name), []).append(card.file_id)
    return [(d, n, ids) for (d, n), ids in sorted(named.items())]


NAMED_CHECKS = _named_checks()


@pytest.mark.parametrize("path", CARD_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in CARD_FILES])
def test_card_validates(path):
    card, issues = validate_file(path, CATALOGUE_IDS)
    assert card is not None and not issues, "\n".join(str(i) for i in issues)
    # both languages carry the same structure
    for lang in ("zh", "en"):
        side = card.side(lang)
        assert side.question and side.short and side.full and side.keypoints


@pytest.mark.parametrize("topic_dir,name,cards", NAMED_CHECKS,
                         ids=[f"{d.name}.{n}" for d, n, _ in NAMED_CHECKS])
def test_named_check_passes(topic_dir, name, cards):
    result = run_check(topic_dir, name)
    assert result.ok, f"{topic_dir.name}.{name} (named by {', '.join(cards)}): {result.message}"


def test_card_ids_unique_across_topics():
    bank = load_bank(paths.CARDS_DIR)
    dupes = [str(i) for i in bank.issues if i.field == "id" and "more than one card" in i.message]
    assert not dupes, "\n".join(dupes)


def test_no_card_files_outside_topic_folders():
    """A Markdown file directly in cards/ or nested deeper is never loaded: catch it instead of losing it."""
    root = paths.CARDS_DIR
    if not root.is_dir():
        pytest.skip("no cards directory yet")
    loaded = set(card_files(root))  # recomputed: cards may be added while the suite runs
    stray = [p for p in root.rglob("*.md") if p not in loaded and not p.name.startswith(("_", "."))
             and p.name.lower() != "readme.md"]
    assert not stray, f"card files outside cards/<topic>/<id>.md: {stray}"
