"""The calculators: one form per kind (built from the command's options), the result with its
derivation, and a chart; `GET /api/calc/{kind}?...` returns the command's JSON."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import calc
from ..app import page

router = APIRouter()

EXAMPLES = {  # what a first visit shows: a question interviewers ask
    "params": {"model": "llama-3.1-8b"},
    "lora": {"model": "llama-3.1-8b", "rank": "16"},
    "zero": {"model": "qwen2.5-7b", "gpus": "8"},
    "kv": {"model": "llama-3.1-70b", "seq": "32768", "compare": "1"},
    "train": {"model": "qwen2.5-32b", "method": "full", "gpu": "H100", "gpus": "8", "stage": "3"},
    "infer": {"model": "llama-3.1-70b", "gpu": "H100", "gpus": "4"},
}


def _query(request: Request) -> tuple[dict[str, str], list[str]]:
    q = {k: v for k, v in request.query_params.items() if k != "models"}
    models = [m for m in request.query_params.getlist("models") if m]
    return q, models


@router.get("/calc")
def calc_index() -> Response:
    return RedirectResponse("/calc/kv", status_code=303)


@router.get("/calc/{kind}", response_class=HTMLResponse)
def calc_page(kind: str, request: Request) -> Response:
    if kind not in calc.KINDS:
        raise HTTPException(404, f"unknown calculator {kind!r}; one of {', '.join(calc.KINDS)}")
    query, models = _query(request)
    if not query:
        query = dict(EXAMPLES[kind])
    if kind == "kv" and not models:
        models = list(calc.KV_CHART_MODELS)
    if kind == "kv" and query.get("model") and query["model"] not in models:
        models.insert(0, query["model"])
    doc, text, error, spec = None, "", None, None
    try:
        doc, text = calc.run(kind, query)
        spec = calc.chart(kind, doc, query, models)
    except calc.CalcInputError as exc:
        error = str(exc)
    return page(request, "calc.html", kind=kind, kinds=calc.KINDS, fields=calc.fields(kind), query=query, doc=doc,
                explain=text, error=error, chart=spec, presets=calc.presets(), models=models,
                breakdown=calc.breakdown(kind, doc or {}))


@router.get("/api/calc/{kind}")
def api_calc(kind: str, request: Request) -> dict[str, Any]:
    if kind not in calc.KINDS:
        raise HTTPException(404, f"unknown calculator {kind!r}; one of {', '.join(calc.KINDS)}")
    query, _ = _query(request)
    try:
        doc, _ = calc.run(kind, query, explain=False)
    except calc.CalcInputError as exc:
        raise HTTPException(400, str(exc)) from None
    return doc
