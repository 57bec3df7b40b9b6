"""The knowledge side of `mianjing stats`: cards reviewed, due, how often you recalled them, per topic.

Two retention figures, because they answer different questions:
- recalled: the share of your reviews not rated Again (1), what you actually remembered;
- predicted now: FSRS's probability that you recall each reviewed card today, averaged.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from rich.console import Console
from rich.table import Table


def _group() -> dict:
    return {"cards": 0, "reviewed": 0, "due": 0, "reviews": 0, "recalled": 0, "_r": []}


def _finish(g: dict) -> dict:
    r = g.pop("_r")
    g["recall_rate"] = round(g["recalled"] / g["reviews"], 4) if g["reviews"] else None
    g["predicted_recall_now"] = round(sum(r) / len(r), 4) if r else None
    return g


def knowledge_stats(conn: sqlite3.Connection, now: datetime | None = None) -> dict:
    """Totals and per-topic counts over the card bank's valid cards (JSON-able)."""
    from ..cards.bank import load_bank
    from ..cards.review import Reviewer, utcnow
    from ..store.reviews import logs

    now = now or utcnow()
    bank = load_bank()
    cards = list(bank.cards.values())
    total = _group()
    topics: dict[str, dict] = {}
    for m in Reviewer(conn).memories(cards, now):
        for g in (total, topics.setdefault(m.card.topic, _group())):
            g["cards"] += 1
            if m.state is not None:
                g["reviewed"] += 1
                g["_r"].append(m.retrievability)
                if m.due is not None and m.due <= now:
                    g["due"] += 1
    for log in logs(conn):
        card = bank.cards.get(log.card)
        if card is None:  # a card since removed from the bank
            continue
        for g in (total, topics[card.topic]):
            g["reviews"] += 1
            g["recalled"] += log.rating >= 2
    return {"total": _finish(total), "topics": {t: _finish(g) for t, g in sorted(topics.items())}}


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


def render_knowledge(doc: dict, console: Console) -> None:
    t = doc["total"]
    table = Table(title=f"cards: {t['reviewed']} of {t['cards']} reviewed, {t['due']} due now, {t['reviews']} reviews",
                  title_justify="left")
    for col in ("topic", "reviewed", "due", "reviews", "recalled", "predicted now"):
        table.add_column(col, no_wrap=col == "topic")
    rows = [*doc["topics"].items(), ("all", t)]
    for i, (name, g) in enumerate(rows):
        table.add_row(name, f"{g['reviewed']}/{g['cards']}", str(g["due"]), str(g["reviews"]),
                      _pct(g["recall_rate"]), _pct(g["predicted_recall_now"]), end_section=i == len(rows) - 2)
    console.print(table)
    console.print("[dim]recalled: reviews not rated Again; predicted now: FSRS's recall probability today, "
                  "averaged over reviewed cards. `mianjing review` to study, `mianjing cards weakest` for the "
                  "least remembered.[/]", highlight=False)
