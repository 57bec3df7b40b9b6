"""Fixtures for the card tests: a private $MIANJING_HOME, and a small sample bank in a tmp dir."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture(autouse=True)
def mianjing_home(tmp_path, monkeypatch):
    """Every card test gets its own user state directory; the real one is never touched."""
    home = tmp_path / "home"
    monkeypatch.setenv("MIANJING_HOME", str(home))
    return home


@pytest.fixture
def sample_bank(tmp_path, monkeypatch):
    """Copy the two sample cards (topic `math`) into tmp and point the package's bank at them."""
    from mianjing import paths

    cards = tmp_path / "bank" / "cards"
    shutil.copytree(SAMPLES, cards)
    problems = tmp_path / "bank" / "problems"
    problems.mkdir(parents=True)
    monkeypatch.setattr(paths, "CARDS_DIR", cards)
    monkeypatch.setattr(paths, "PROBLEMS_DIR", problems)
    return cards
