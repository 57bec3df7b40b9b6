"""Settings and doctor: language, interview date, versions, isolation, data directory, export/import."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException, Request

from .. import data, i18n
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
        data.set_setting(data.LANG_KEY, body["lang"])
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
