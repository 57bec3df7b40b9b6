"""Cards (browse by topic, search in both languages, one card) and the FSRS review session."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from .. import data
from ..app import lang_of, page
from .api import json_body

router = APIRouter()


@lru_cache(maxsize=1)
def bank():
    from ...cards.bank import load_bank

    return load_bank()


def card_or_404(card_id: str):
    card = bank().get(card_id) if data.CARD_ID_RE.match(card_id or "") else None
    if card is None:
        raise HTTPException(404, f"unknown card id {card_id!r}; GET /api/cards?q=... finds cards")
    return card


def reviewer():
    from ...cards.review import Reviewer

    return Reviewer(data.db())


def select(topic: str | None, q: str | None) -> list[Any]:
    b = bank()
    cards = [c for c, _ in b.search(q)] if q and q.strip() else list(b.cards.values())
    return [c for c in cards if not topic or c.topic == topic]


# ---------------------------------------------------------------- pages

@router.get("/cards", response_class=HTMLResponse)
def cards_page(request: Request, topic: str = "", q: str = "") -> Response:
    cards = select(topic or None, q)
    mems = {m.card.id: m for m in reviewer().memories(cards)}
    topics = {}
    for c in bank().cards.values():
        topics[c.topic] = topics.get(c.topic, 0) + 1
    ctx = dict(cards=cards, mems=mems, topics=sorted(topics.items()), topic=topic, q=q)
    if request.headers.get("hx-target") == "card-list":
        return page(request, "_card_list.html", **ctx)
    return page(request, "cards.html", **ctx)


@router.get("/cards/{card_id}", response_class=HTMLResponse)
def card_page(card_id: str, request: Request) -> Response:
    from ...cards.card import SECTIONS

    card = card_or_404(card_id)
    lang = lang_of(request)
    side = card.side(lang)
    sections = [(key, zh if lang == "zh" else en, side.get(key)) for key, zh, en in SECTIONS if side.get(key)]
    mem = reviewer().memories([card])[0]
    problems = [p for p in data.problems()[0].values() if set(p.catalogue) & set(card.answers)]
    return page(request, "card.html", card=card, sections=sections, mem=mem, catalogue=bank().catalogue,
                problems=problems)


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, topic: str = "") -> Response:
    return page(request, "review.html", topic=topic, topics=sorted({c.topic for c in bank().cards.values()}),
                **next_card(topic or None))


def next_card(topic: str | None) -> dict[str, Any]:
    r = reviewer()
    now = datetime.now(timezone.utc)
    cards = bank().select(topic=topic)
    queue = r.queue(cards, now=now)
    due_now = sum(1 for m in r.memories(cards, now) if m.due is not None and m.due <= now)
    if not queue:
        upcoming = [m.due for m in r.memories(cards, now) if m.due is not None]
        return {"card": None, "due_now": 0, "left": 0, "next_due": min(upcoming) if upcoming else None}
    return {"card": queue[0], "due_now": due_now, "left": len(queue), "next_due": None}


@router.get("/review/next", response_class=HTMLResponse)
def review_next(request: Request, topic: str = "") -> Response:
    return page(request, "_review_card.html", topic=topic, **next_card(topic or None))


@router.post("/review/{card_id}/reveal", response_class=HTMLResponse)
async def reveal(card_id: str, request: Request) -> Response:
    """The answer side: the 30-second answer and the key points ticked from what was typed."""
    from ...cards.keypoints import match

    card = card_or_404(card_id)
    body = await json_body(request)
    answer = str(body.get("answer", ""))[:5000]
    lang = lang_of(request)
    side = card.side(lang)
    results = match(answer, side.keypoints)
    return page(request, "_review_answer.html", card=card, side=side, results=results, answer=answer,
                hits=sum(r.hit for r in results))


# ---------------------------------------------------------------- API

@router.get("/api/cards")
def api_cards(q: str = "", topic: str = "") -> dict[str, Any]:
    cards = select(topic or None, q)
    return {"query": q, "count": len(cards), "cards": [c.to_dict(full=False) for c in cards]}


@router.get("/api/cards/{card_id}")
def api_card(card_id: str) -> dict[str, Any]:
    return card_or_404(card_id).to_dict(full=True)


@router.post("/api/review/{card_id}")
async def api_review(card_id: str, request: Request) -> dict[str, Any]:
    """Rate a card 1-4 (Again, Hard, Good, Easy): the scheduler and review log of `mianjing review`."""
    from ...cards.keypoints import match
    from ...cards.review import RATING_NAMES

    card = card_or_404(card_id)
    body = await json_body(request)
    rating = body.get("rating")
    if isinstance(rating, str) and rating.isdigit():
        rating = int(rating)
    if rating not in RATING_NAMES:
        raise HTTPException(400, f'"rating" must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not {rating!r}')
    lang = body.get("lang") or lang_of(request)
    if lang not in ("zh", "en"):
        raise HTTPException(400, '"lang" must be zh or en')
    answer = str(body.get("answer", ""))[:5000]
    results = match(answer, card.side(lang).keypoints) if answer else []
    duration = body.get("duration_ms")
    duration = int(duration) if isinstance(duration, (int, float)) and 0 <= duration < 86_400_000 else None
    started = time.monotonic()
    out = reviewer().review(card.id, rating, lang=lang, answer=answer, duration_ms=duration,
                            keypoints_hit=sum(r.hit for r in results) if answer else None,
                            keypoints_total=len(results) if answer else None)
    return {"card": out.card, "rating": out.rating, "rating_name": RATING_NAMES[out.rating],
            "due": out.due.isoformat(), "desired_retention": out.desired_retention, "clamped": out.clamped,
            "saved_ms": round((time.monotonic() - started) * 1000, 1)}
