"""Settings and doctor: language, interview date, versions, isolation, data directory, export/import."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from .. import data, i18n
from ..app import page
from .api import json_body

router = APIRouter()


@router.post("/api/settings")
async def api_settings(request: Request) -> dict[str, Any]:
    """`{"lang": "zh"|"en"}` and/or `{"interview_date": "YYYY-MM-DD" | null}`; both are remembered."""
    from ...cards.review import INTERVIEW_KEY, set_interview_date

    body = await json_body(request)
    out: dict[str, Any] = {}
    if "lang" in body:
        if body["lang"] not in i18n.LANGS:
            raise HTTPException(400, f'"lang" must be zh or en, not {body["lang"]!r}')
        data.remember_lang(body["lang"])
        request.app.state.lang = body["lang"]
        out["lang"] = body["lang"]
    if "interview_date" in body:
        value = body["interview_date"]
        if value in (None, ""):
            set_interview_date(data.db(), None)
        else:
            try:
                day = date.fromisoformat(str(value))
            except ValueError:
                raise HTTPException(400, f'"interview_date" must be YYYY-MM-DD, not {value!r}') from None
            set_interview_date(data.db(), day)
        out["interview_date"] = data.get_setting(INTERVIEW_KEY)
    if not out:
        raise HTTPException(400, 'nothing to set: give "lang" and/or "interview_date"')
    return out


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request) -> Response:
    from importlib import metadata
    import platform
    import sys

    from ...judge import service
    from ...paths import db_path, home
    from ...store.db import integrity

    def version(pkg: str) -> str:
        try:
            return metadata.version(pkg)
        except metadata.PackageNotFoundError:
            return "not installed"

    versions = {"mianjing": version("mianjing"), "python": sys.version.split()[0], "platform": platform.platform(),
                **{p: version(p) for p in ("torch", "numpy", "fsrs", "pyseccomp", "fastapi", "uvicorn")}}
    try:
        db_check = integrity(data.db())
    except Exception as exc:  # noqa: BLE001 - shown, not raised: this page is where one looks
        db_check = str(exc)
    counts = {t: data.db().execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("submissions", "card_reviews", "drafts")}
    from ...cards.review import INTERVIEW_KEY

    return page(request, "settings.html", versions=versions, status=service.status(), home=str(home()),
                db=str(db_path()), db_check=db_check, counts=counts, interview=data.get_setting(INTERVIEW_KEY))


@router.post("/api/service/start")
def start_service() -> dict[str, Any]:
    """Start the judge service (as the first Run or Submit would) and report its isolation layers."""
    from ...judge import service

    try:
        service.ensure_running()
    except (service.ServiceError, OSError) as exc:
        raise HTTPException(502, str(exc)) from None
    return service.status() or {"running": False}


@router.get("/api/export")
def export_progress() -> Response:
    from ..transfer import export

    doc = export(data.db())
    name = f"mianjing-progress-{doc['exported_at'][:10]}.json"
    return JSONResponse(doc, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.post("/api/import")
async def import_progress(request: Request) -> dict[str, Any]:
    from ..transfer import ImportError_, import_

    raw = await request.body()
    if len(raw) > 200 * 1024 * 1024:
        raise HTTPException(413, "the file is over 200 MB; is it a mianjing export?")
    try:
        doc = json.loads(raw)
    except ValueError as exc:
        raise HTTPException(400, f"the file is not JSON: {exc}") from None
    try:
        added = import_(data.db(), doc)
    except ImportError_ as exc:
        raise HTTPException(400, f"nothing imported: {exc}") from None
    return {"imported": added}
