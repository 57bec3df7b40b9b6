"""/mock: the round templates, a planned round, running it in the browser, the reports and history.

Planning, scoring and storing are the CLI's (`mianjing mock plan|run|history`); see web/mocking.py.
"""

from __future__ import annotations

import random
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import data
from ..app import lang_of, page
from ..mocking import MockError, WebRounds
from .api import json_body
from .cards import bank

router = APIRouter()


@lru_cache(maxsize=1)
def templates():
    """The valid templates, checked against the cards and problems as `mianjing mock list` does."""
    from ...mock.templates import load_templates

    return load_templates(card_ids=set(bank().cards), problem_ids=set(data.problems()[0]))


def rounds(request: Request) -> WebRounds:
    state = request.app.state
    if not hasattr(state, "mock_rounds"):
        state.mock_rounds = WebRounds()
    return state.mock_rounds


def template_or_404(template_id: str):
    found = templates().templates.get(template_id)
    if found is None:
        known = ", ".join(sorted(templates().templates))
        raise HTTPException(404, f"no round template {template_id!r}; one of: {known}")
    return found


def parse_seed(value: Any) -> int:
    try:
        seed = int(value)
    except (TypeError, ValueError):
        raise HTTPException(400, f"the seed must be a whole number >= 0, not {value!r}") from None
    if not 0 <= seed < 2**31:
        raise HTTPException(400, f"the seed must be between 0 and {2**31 - 1}, not {seed}")
    return seed


def plan(template_id: str, seed: int, lang: str):
    from ...mock.planner import plan_round

    return plan_round(template_or_404(template_id), bank(), data.problems()[0], seed=seed, lang=lang)


def template_rows(lang: str) -> list[dict[str, Any]]:
    rows = sorted(templates().templates.values(), key=lambda t: (t.company != "generic", t.company, t.round))
    return [{"id": t.id, "company": t.company, "round": t.round, "name": t.name[lang], "minutes": t.minutes,
             "parts": [p.kind for p in t.parts], "seed_lines": list(t.lines), "quote": t.quote} for t in rows]


def mock_error(exc: MockError) -> HTTPException:
    return HTTPException(exc.status, str(exc))


# ---------------------------------------------------------------- pages

@router.get("/mock", response_class=HTMLResponse)
def mock_page(request: Request, template: str = "", seed: str = "") -> Response:
    from ...mock.report import history, part_name

    lang = lang_of(request)
    planned = None
    if template:
        if seed == "":  # a fresh draw, with its seed in the address so the same round can be run again
            from urllib.parse import urlencode

            template_or_404(template)
            query = urlencode({"template": template, "seed": random.SystemRandom().randrange(2**31)})
            return RedirectResponse(f"/mock?{query}", status_code=303)
        planned = plan(template, parse_seed(seed), lang)
    return page(request, "mock.html", rows=template_rows(lang), planned=planned, chosen=template, seed=seed,
                history=history(data.db(), 50), part_name=lambda kind: part_name(kind, lang))


@router.get("/mock/reports/{mock_id}", response_class=HTMLResponse)
def report_page(mock_id: int, request: Request) -> Response:
    from ...mock.report import load_report, part_name

    doc = load_report(data.db(), mock_id)
    if doc is None:
        raise HTTPException(404, f"no mock round #{mock_id}; /mock lists the past rounds")
    return page(request, "mock_report.html", doc=doc, part_name=lambda kind: part_name(kind, doc["lang"]))


# ---------------------------------------------------------------- JSON

@router.get("/api/mock/templates")
def api_templates(request: Request) -> dict[str, Any]:
    return {"templates": template_rows(lang_of(request))}


@router.get("/api/mock/plan")
def api_plan(request: Request, template: str = "", seed: str = "") -> dict[str, Any]:
    """The round `mianjing mock plan --json` prints for this template and seed."""
    template_or_404(template)  # the template's error first: it is the one to fix first
    return plan(template, parse_seed(seed), lang_of(request)).to_dict()


@router.post("/api/mock/start")
async def api_start(request: Request) -> dict[str, Any]:
    """`{"template": "generic-1", "seed": 7}` -> the round id and the planned round; the clock starts."""
    body = await json_body(request)
    template = str(body.get("template", ""))
    template_or_404(template)
    rnd = plan(template, parse_seed(body.get("seed")), lang_of(request))
    web = rounds(request).start(rnd)
    return {"round_id": web.id, "started_at": web.started_at.isoformat(timespec="seconds"), "round": rnd.to_dict()}


@router.post("/api/mock/{round_id}/answer")
async def api_answer(round_id: str, request: Request) -> dict[str, Any]:
    """`{"key": question key, "text": the answer}` -> the scored item (key points hit and missed)."""
    body = await json_body(request)
    text = body.get("text", "")
    if not isinstance(text, str):
        raise HTTPException(400, '"text" must be a string')
    try:
        return rounds(request).answer(round_id, str(body.get("key", "")), text).to_dict()
    except MockError as exc:
        raise mock_error(exc) from None


@router.post("/api/mock/{round_id}/coding")
async def api_coding(round_id: str, request: Request) -> dict[str, Any]:
    """`{"key": problem id}`: the part is done; the latest submission since the start is scored."""
    body = await json_body(request)
    try:
        return rounds(request).coding(round_id, str(body.get("key", "")), data.db()).to_dict()
    except MockError as exc:
        raise mock_error(exc) from None


@router.post("/api/mock/{round_id}/finish")
def api_finish(round_id: str, request: Request) -> dict[str, Any]:
    """Store the report as `mianjing mock run` does (weak cards due now, failed problems noted)."""
    try:
        return rounds(request).finish(round_id, data.db()).to_dict()
    except MockError as exc:
        raise mock_error(exc) from None


@router.get("/api/mock/history")
def api_history(limit: int = 20) -> dict[str, Any]:
    from ...mock.report import history

    return {"rounds": history(data.db(), max(1, min(limit, 500)))}


@router.get("/api/mock/reports/{mock_id}")
def api_report(mock_id: int) -> dict[str, Any]:
    from ...mock.report import load_report

    doc = load_report(data.db(), mock_id)
    if doc is None:
        raise HTTPException(404, f"no mock round #{mock_id}; GET /api/mock/history lists them")
    return doc


# after /api/mock/history: a round id must not shadow it
@router.get("/api/mock/{round_id}")
def api_round(round_id: str, request: Request) -> dict[str, Any]:
    """A running round: what has been answered so far (the page reads it back after a reload)."""
    try:
        web = rounds(request).get(round_id)
    except MockError as exc:
        raise mock_error(exc) from None
    return {"round_id": web.id, "template": web.round.template, "seed": web.round.seed,
            "started_at": web.started_at.isoformat(timespec="seconds"),
            "items": {k: i.to_dict() for k, i in web.items.items()}}
