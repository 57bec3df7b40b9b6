"""Home, the problems table and the problem page (editor, Run/Submit, verdicts, history)."""

from __future__ import annotations

import difflib
import re
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
    statement = re.sub(r"\A\s*#\s[^\n]*\n", "", p.statement(lang))  # the page shows the title already
    sol = data.solution(p, lang)
    return page(request, "problem.html", p=p, statement=statement, code=draft if draft is not None else p.stub(),
                stub=p.stub(), subs=subs, solved=solved, pset=data.problem_set(p), hints=data.hints(p, lang),
                hints_seen=data.hints_seen(p.id), solution=sol if solved else None, has_solution=sol is not None,
                related=related_cards(p) if solved else [])


def related_cards(p) -> list[Any]:
    """Cards the worked solution names, then those answering one of the problem's catalogue items
    (shown after acceptance)."""
    from .cards import bank

    sol = data.solution(p, "en")
    named = [c for cid in (sol.cards if sol else []) if (c := bank().get(cid)) is not None]
    by_item = [c for c in bank().cards.values() if set(c.answers) & set(p.catalogue) and c not in named]
    return (named + by_item)[:12]


@router.post("/problems/{pid}/hints", response_class=HTMLResponse)
def next_hint(pid: str, request: Request) -> Response:
    """Show the next hint and record it, as `mianjing hint` does."""
    from ...store.guides import record_hint

    p = _problem_or_404(pid)
    lang = lang_of(request)
    hints = data.hints(p, lang)
    if not hints:
        raise HTTPException(404, f"{p.id} has no hints")
    level = min(data.hints_seen(p.id) + 1, len(hints))
    record_hint(data.db(), p.id, level, lang)
    return page(request, "_hints.html", p=p, hints=hints, hints_seen=level)


@router.post("/problems/{pid}/solution", response_class=HTMLResponse)
def reveal_solution(pid: str, request: Request) -> Response:
    """The solution before acceptance, recorded as a reveal (as `mianjing solution --reveal`)."""
    from ...store.guides import record_reveal

    p = _problem_or_404(pid)
    lang = lang_of(request)
    sol = data.solution(p, lang)
    if sol is None:
        raise HTTPException(404, f"{p.id} has no worked solution yet")
    if not data.solved(p.id):
        record_reveal(data.db(), p.id, lang)
    return page(request, "_solution.html", p=p, solution=sol, related=related_cards(p))


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


@router.post("/problems/{pid}/judge", response_class=HTMLResponse)
async def judge_here(pid: str, request: Request) -> Response:
    """Run / Submit from the problem page in one round trip: queue the code, then answer as the
    verdict endpoint does (the panel when the verdict is in, else 202 and the state to show)."""
    from fastapi.responses import JSONResponse

    from .api import enqueue

    p = _problem_or_404(pid)
    job = await enqueue(request, p)
    if isinstance(job, JSONResponse):
        return job
    return await verdict(pid, job.id, request, wait=5.0)


@router.get("/problems/{pid}/jobs/{job_id}", response_class=HTMLResponse)
async def verdict(pid: str, job_id: str, request: Request, wait: float = 0.0) -> Response:
    """The verdict panel of a job. With `?wait=S` it answers as soon as the job is finished, or
    after S seconds (at most 10) with 202 and the job's state (queued / running) as JSON."""
    import asyncio

    from fastapi.responses import JSONResponse

    p = _problem_or_404(pid)
    found = request.app.state.queue.get(job_id)
    if found is None or found[0].problem != p.id:
        raise HTTPException(404, f"no judging job {job_id!r} for {p.id}")
    job = found[0]
    queue = request.app.state.queue

    def shown() -> tuple[str, int | None]:
        """What the page shows: 'running' for the head of the queue (the worker takes it at once),
        'queued' with its place behind others."""
        pos = (queue.get(job_id) or (job, None))[1]
        return ("running" if job.state == "running" or pos == 0 else "queued"), pos

    if not job.future.done() and wait > 0:
        # back when the verdict is in, or when what the page shows is stale (its place in the queue
        # moved); asyncio.wait never cancels what it waits for: a closed tab leaves the judgement running
        done, before = asyncio.wrap_future(job.future), shown()
        deadline = asyncio.get_running_loop().time() + min(wait, 10.0)
        while not job.future.done() and shown() == before and asyncio.get_running_loop().time() < deadline:
            await asyncio.wait([done], timeout=0.05)
    if not job.future.done():
        state, pos = shown()
        return JSONResponse(job.public(position=pos) | {"state": state}, status_code=202)
    related = related_cards(p) if job.doc and job.doc.get("verdict") == "accepted" and job.mode == "submit" else []
    return page(request, "_verdict.html", p=p, job=job, doc=job.doc, related=related)


# ---------------------------------------------------------------- home

@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    from datetime import date, datetime, timedelta, timezone

    from ...cards.review import local_date
    from .cards import bank, reviewer

    now = datetime.now(timezone.utc)
    r = reviewer()
    cards = list(bank().cards.values())
    mems = r.memories(cards, now)
    due_now = sum(1 for m in mems if m.due is not None and m.due <= now)
    new_cards = sum(1 for m in mems if m.state is None)
    today = local_date(now)
    days_left = r.days_left(now)
    horizon = days_left if days_left and days_left > 0 else 30
    forecast = forecast_days(mems, today, min(horizon, 120))
    acts = data.activity()
    return page(request, "home.html", due_now=due_now, new_cards=new_cards, interview=r.interview_date,
                days_left=days_left, next_problems=next_problems(), groups=data.progress_groups(),
                forecast=forecast, recent=data.recent(8), heat=heatmap(acts, today),
                problems_by_id=data.problems()[0], today=today, solved_total=sum(1 for s in data.statuses().values() if s == "solved"),
                problem_total=len(data.problems()[0]), reviewed_cards=len(cards) - new_cards, card_total=len(cards),
                week_activity=sum(v for k, v in acts.items() if date.fromisoformat(k) > today - timedelta(days=7)))


def forecast_days(mems, today, days: int) -> dict[str, list]:
    """Cards falling due on each of the next `days` days (overdue ones count today)."""
    from datetime import timedelta

    from ...cards.review import local_date

    counts = [0] * days
    for m in mems:
        if m.due is None:
            continue
        i = max(0, (local_date(m.due) - today).days)
        if i < days:
            counts[i] += 1
    return {"dates": [(today + timedelta(days=i)).isoformat() for i in range(days)], "due": counts}


def next_problems(limit: int = 5) -> list[Any]:
    """Attempted but unsolved first (finish what was started), then new ones, easiest first; a set's
    own order (Hot 100 rows) wins among equals."""
    status = data.statuses()
    rank = {"easy": 0, "medium": 1, "hard": 2}
    todo = [p for p in data.problems()[0].values() if status.get(p.id) != "solved"]
    todo.sort(key=lambda p: (status.get(p.id) != "attempted", rank.get(p.difficulty, 3),
                             getattr(p, "set_row", None) or 10_000, p.id))
    return [(p, status.get(p.id, "new")) for p in todo[:limit]]


def heatmap(acts: dict[str, int], today) -> list[list[dict[str, Any]]]:
    """26 weeks of days as columns of 7 (Monday first), each with its count and a 0-4 level."""
    from datetime import timedelta

    start = today - timedelta(days=today.weekday() + 7 * 25)
    weeks = []
    top = max(acts.values(), default=0)
    for w in range(26):
        col = []
        for d in range(7):
            day = start + timedelta(days=7 * w + d)
            n = acts.get(day.isoformat(), 0)
            level = 0 if n == 0 else min(4, 1 + int(3 * n / max(top, 1)))
            col.append({"date": day.isoformat(), "n": n, "level": level, "future": day > today})
        weeks.append(col)
    return weeks
