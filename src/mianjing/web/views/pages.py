"""Home, the problems table and the problem page (editor, Run/Submit, verdicts, history)."""

from __future__ import annotations

import difflib
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from .. import data
from ..app import lang_of, page

router = APIRouter()

FILTER_KEYS = ("q", "kind", "difficulty", "tag", "cat", "status", "set", "section")


def _problem_or_404(pid: str):
    p = data.problem(pid)
    if p is None:
        raise HTTPException(404, f"unknown problem id {pid!r}; the Problems page lists them")
    return p


@router.get("/problems", response_class=HTMLResponse)
def problems_page(request: Request) -> Response:
    args = {k: v for k, v in request.query_params.items() if k in FILTER_KEYS and v}
    rows = data.filter_problems(args)
    ctx: dict[str, Any] = dict(rows=rows, args=args, facets=data.facets(), total=len(data.problems()[0]))
    if request.headers.get("hx-request") and request.headers.get("hx-target") == "problem-rows":
        return page(request, "_problem_rows.html", **ctx)
    return page(request, "problems.html", **ctx)


@router.get("/problems/{pid}", response_class=HTMLResponse)
def problem_page(pid: str, request: Request) -> Response:
    p = _problem_or_404(pid)
    lang = lang_of(request)
    subs = data.submissions(p.id)
    solved = any(s["verdict"] == "accepted" for s in subs)
    draft = data.draft(p.id)
    return page(request, "problem.html", p=p, statement=p.statement(lang), code=draft if draft is not None else p.stub(),
                stub=p.stub(), subs=subs, solved=solved, pset=data.problem_set(p),
                hints=data.hints(p, lang), solution=data.guide_file(p, "solution", lang) if solved else None,
                has_solution=data.guide_file(p, "solution", lang) is not None,
                related=related_cards(p) if solved else [])


def related_cards(p) -> list[Any]:
    """Cards that answer one of the problem's catalogue items (shown after acceptance)."""
    from .cards import bank

    return [c for c in bank().cards.values() if set(c.answers) & set(p.catalogue)][:12]


@router.get("/problems/{pid}/history", response_class=HTMLResponse)
def history(pid: str, request: Request) -> Response:
    p = _problem_or_404(pid)
    return page(request, "_history.html", p=p, subs=data.submissions(p.id))


@router.get("/problems/{pid}/submissions/{sid}", response_class=HTMLResponse)
def submission(pid: str, sid: int, request: Request) -> Response:
    p = _problem_or_404(pid)
    sub = data.submission(sid)
    if sub is None or sub["problem"] != p.id:
        raise HTTPException(404, f"no submission {sid} for {p.id}")
    diff = None
    if sub["previous"]:
        diff = list(difflib.unified_diff(sub["previous"]["code"].splitlines(), sub["code"].splitlines(),
                                         f"#{sub['previous']['id']}", f"#{sub['id']}", lineterm="", n=3))
    return page(request, "_submission.html", p=p, sub=sub, diff=diff)


@router.get("/problems/{pid}/jobs/{job_id}", response_class=HTMLResponse)
def verdict(pid: str, job_id: str, request: Request) -> Response:
    """The verdict panel of a finished job (the page polls /api/jobs/{job} until then)."""
    p = _problem_or_404(pid)
    found = request.app.state.queue.get(job_id)
    if found is None or found[0].problem != p.id:
        raise HTTPException(404, f"no judging job {job_id!r} for {p.id}")
    job = found[0]
    related = related_cards(p) if job.doc and job.doc.get("verdict") == "accepted" and job.mode == "submit" else []
    return page(request, "_verdict.html", p=p, job=job, doc=job.doc, related=related)
