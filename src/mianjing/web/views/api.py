"""The JSON API the pages use (and tests, and scripts with `Authorization: Bearer <token>`)."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from .. import data
from ..judging import MAX_CODE_BYTES, MODES, QueueFull

router = APIRouter(prefix="/api")


def not_found(what: str, value: str, hint: str) -> HTTPException:
    return HTTPException(404, f"unknown {what} {value!r}; {hint}")


def get_problem_or_404(pid: str):
    p = data.problem(pid)
    if p is None:
        raise not_found("problem id", pid, "GET /api/problems lists them")
    return p


async def json_body(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise HTTPException(400, "the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise HTTPException(400, "the body must be a JSON object")
    return body


@router.get("/problems")
def list_problems(request: Request) -> dict[str, Any]:
    return {"problems": data.filter_problems(dict(request.query_params))}


@router.get("/problems/{pid}")
def get_problem(pid: str) -> dict[str, Any]:
    p = get_problem_or_404(pid)
    st = data.statuses().get(p.id, "new")
    doc = data.summary(p, st)
    doc.update(signature=p.signature, time_limit_ms=p.time_limit_ms, memory_limit_mb=p.memory_limit_mb,
               statement={lang: p.statement(lang) for lang in ("zh", "en")}, stub=p.stub(), draft=data.draft(p.id),
               has_hints=bool(data.hints(p, "en")), has_solution=data.solution(p, "en") is not None)
    return doc


@router.post("/judge/{pid}")
async def judge(pid: str, request: Request) -> JSONResponse:
    """`{"code": ..., "mode": "run"|"submit"}` -> the document of `mianjing judge --json`.
    With `?wait=0` the answer is the queued job at once (202); poll GET /api/jobs/{job}."""
    p = get_problem_or_404(pid)
    job = await enqueue(request, p)
    if isinstance(job, JSONResponse):
        return job
    if request.query_params.get("wait") == "0":
        return JSONResponse(job.public(position=request.app.state.queue.get(job.id)[1]), status_code=202)
    # asyncio.wait, not a bare await: a client that goes away must not cancel the judgement
    await asyncio.wait([asyncio.wrap_future(job.future)])
    done = job.future.result()
    if done.state == "error":
        return JSONResponse({"error": done.error, "status": 502}, status_code=502)
    return JSONResponse(done.doc)


async def enqueue(request: Request, p):  # type: ignore[no-untyped-def]
    """Validate `{"code", "mode"}` and queue it: the job, or the 429 answer when the queue is full."""
    body = await json_body(request)
    code, mode = body.get("code"), body.get("mode", "submit")
    if not isinstance(code, str):
        raise HTTPException(400, 'the body needs "code": the solution as a string')
    if mode not in MODES:
        raise HTTPException(400, f'"mode" must be "run" or "submit", not {mode!r}')
    size = len(code.encode("utf-8"))
    if size > MAX_CODE_BYTES:
        raise HTTPException(413, f"the code is {size:,} bytes; the limit is {MAX_CODE_BYTES:,} (64 KB)")
    if mode == "submit":
        data.save_draft(p.id, code)  # the editor holds what was last submitted, whatever happens next
    try:
        return request.app.state.queue.submit(p.id, code, mode)
    except QueueFull as exc:
        return JSONResponse({"error": str(exc), "status": 429}, status_code=429, headers={"Retry-After": "2"})


@router.get("/jobs/{job_id}")
def job_state(job_id: str, request: Request) -> dict[str, Any]:
    found = request.app.state.queue.get(job_id)
    if found is None:
        raise not_found("job", job_id, "jobs are kept while the server runs")
    job, position = found
    return job.public(position=position)


@router.put("/drafts/{pid}")
async def put_draft(pid: str, request: Request) -> dict[str, Any]:
    p = get_problem_or_404(pid)
    code = (await json_body(request)).get("code")
    if not isinstance(code, str):
        raise HTTPException(400, 'the body needs "code" as a string')
    if len(code.encode("utf-8")) > MAX_CODE_BYTES:
        raise HTTPException(413, f"a draft is limited to {MAX_CODE_BYTES:,} bytes (64 KB)")
    data.save_draft(p.id, code)
    return {"saved": True, "problem": p.id}
