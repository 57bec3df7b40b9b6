"""The app factory: security in front of everything, then the pages and the JSON API.

`create_app(host, port, token)` returns a FastAPI app bound (for its Host and Origin checks) to the
address `mianjing serve` listens on. Nothing here imports torch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import i18n
from .judging import JudgeFn, JudgeQueue, service_judge
from .render import inline, markdown
from .security import CSRF_HEADER, SAFE_METHODS, TOKEN_COOKIE, Guard

HERE = Path(__file__).resolve().parent


def asset_version() -> str:
    """Changes when a static file changes, so browsers never run a stale script after an upgrade."""
    import hashlib

    h = hashlib.sha1()
    for p in sorted((HERE / "static").rglob("*")):
        if p.is_file():
            st = p.stat()
            h.update(f"{p.name}{st.st_size}{st.st_mtime_ns}".encode())
    return h.hexdigest()[:10]


def create_app(host: str = "127.0.0.1", port: int = 8765, token: str = "", *, judge: JudgeFn = service_judge,
               queue_limit: int = 8) -> FastAPI:
    from .security import new_token

    guard = Guard(host=host, port=port, token=token or new_token())
    app = FastAPI(title="mianjing", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.guard = guard
    app.state.queue = JudgeQueue(judge, limit=queue_limit)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.filters["md"] = markdown
    env.filters["mdinline"] = inline
    # a set's section is "哈希 hashing": the Chinese label, then the English one
    env.filters["section_label"] = lambda name, lang: (name.partition(" ")[2] or name) if lang == "en" else name.partition(" ")[0]
    env.globals["asset_v"] = asset_version()
    app.state.templates = templates

    @app.middleware("http")
    async def security(request: Request, call_next: Any) -> Response:
        host_header = request.headers.get("host")
        if not guard.host_ok(host_header):
            return _refuse(request, 421, "wrong Host header: this server answers only to "
                           + ", ".join(sorted(guard.allowed_hosts)) + " (DNS rebinding is refused)")
        bearer = guard.bearer(request.headers.get("authorization"))
        query_token = request.query_params.get("token")
        cookie_ok = guard.token_ok(request.cookies.get(TOKEN_COOKIE))
        if bearer is not None:
            if not guard.token_ok(bearer):
                return _refuse(request, 401, "the Bearer token is not this launch's token")
        elif query_token is not None and guard.token_ok(query_token) and request.method in SAFE_METHODS:
            # first visit from the printed URL: keep the token in a cookie, drop it from the address bar
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            from urllib.parse import urlencode

            target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
            resp = RedirectResponse(target, status_code=303)
            resp.set_cookie(TOKEN_COOKIE, guard.token, httponly=True, samesite="strict", path="/")
            return resp
        elif not cookie_ok:
            return _refuse(request, 401, "no access token: open the URL `mianjing serve` printed "
                           "(it carries ?token=...), or send `Authorization: Bearer <token>`")
        if request.method not in SAFE_METHODS:
            origin = request.headers.get("origin")
            if bearer is None or origin is not None:
                if not guard.origin_ok(origin, host_header):
                    return _refuse(request, 403, "cross-origin request refused: the Origin header must be "
                                   f"http://{host_header}")
            if bearer is None and not guard.csrf_ok(request.headers.get(CSRF_HEADER)):
                return _refuse(request, 403, "missing or wrong CSRF token: reload the page and try again")
        from .data import close_request_conns, request_conns

        conns: list[Any] = []
        reset = request_conns.set(conns)
        try:
            response = await call_next(request)
        finally:
            request_conns.reset(reset)
            close_request_conns(conns)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # past the security checks (a route said no): a page in the app's own layout for browsers
        wants_html = not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")
        if wants_html:
            return page(request, "error.html", status_code=exc.status_code, status=exc.status_code,
                        message=str(exc.detail))
        return _refuse(request, exc.status_code, str(exc.detail))

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    from .views import api, calc, cards, mock, pages, settings

    for module in (api, pages, cards, calc, mock, settings):
        app.include_router(module.router)
    return app


def _refuse(request: Request, status: int, message: str) -> Response:
    wants_json = request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")
    if wants_json:
        return JSONResponse({"error": message, "status": status}, status_code=status)
    body = (f"<!doctype html><meta charset=utf-8><title>{status}</title>"
            "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}</style>"
            f"<main><h1>{status}</h1>"
            f"<p>{_esc(message)}</p><p><a href=/>mianjing</a></p></main>")
    return HTMLResponse(body, status_code=status)


def _esc(text: str) -> str:
    import html

    return html.escape(text)


def lang_of(request: Request) -> str:
    from . import data

    lang = getattr(request.app.state, "lang", None)
    if lang is None:
        try:
            lang = data.remembered_lang()
        except Exception:  # noqa: BLE001 - a damaged settings file must not hide every page
            lang = "zh"
        request.app.state.lang = lang if lang in i18n.LANGS else "zh"
    return request.app.state.lang


def page(request: Request, name: str, status_code: int = 200, **ctx: Any) -> Response:
    lang = lang_of(request)
    guard: Guard = request.app.state.guard
    ctx.update(request=request, lang=lang, t=lambda k: i18n.word(k, lang), csrf=guard.csrf,
               path=request.url.path, words=i18n.words(lang))
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status_code)
