"""The web application: the routers, the guard on every request, errors as JSON, and ``serve`` (uvicorn)."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from amend import __version__
from amend.errors import AmendError
from amend.language import interface
from amend.web import api, pages
from amend.web.security import MAX_BODY, Guard, loopback_hosts
from amend.web.state import Workbench

__all__ = ["LOOPBACK", "create_app", "serve", "url_of"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors():
        where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _docs_page(app: FastAPI) -> str:
    """The API's reference, read from the framework's OpenAPI document (no CDN: a plain page)."""
    from amend.outputs.site import render_page

    schema = app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, spec in methods.items():
            params = [
                {
                    "name": p["name"],
                    "where": p["in"],
                    "required": p.get("required", False),
                    "description": p.get("description", ""),
                }
                for p in spec.get("parameters", [])
            ]
            bodies = sorted(spec.get("requestBody", {}).get("content", {}))
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": spec.get("summary", ""),
                    "description": spec.get("description", ""),
                    "params": params,
                    "bodies": bodies,
                }
            )
    return render_page(
        "docs.html",
        assets=pages.ASSETS,
        search=(str(pages.WEB / "templates"),),
        title="amend: JSON API",
        crumbs=[(interface.PLANS, "/"), ("API", None)],
        endpoints=endpoints,
        version=schema.get("info", {}).get("version", ""),
    )


def create_app(
    root: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    max_body: int = MAX_BODY,
) -> Any:
    """The application over the repository at ``root``, guarded for the address it is served on.

    On a loopback address only requests whose Host is that address are answered; bound wider, a
    ``token`` is required (every request carries it: ``?token=``, then a cookie, or an
    ``Authorization: token …`` header) and any Host is accepted.
    """
    if host not in LOOPBACK and token is None:
        raise ValueError(f"serving on {host} needs a token")
    app = FastAPI(
        title="amend",
        version=__version__,
        description="Plans on a day, their legal standing, row histories; drafts previewed as `amend check` sees them.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.workbench = Workbench(root)

    @app.exception_handler(api.ApiError)
    async def _api_error(request: Request, exc: api.ApiError) -> Response:
        return api.error_response(exc)

    @app.exception_handler(AmendError)
    async def _amend_error(request: Request, exc: AmendError) -> Response:
        return api.error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return JSONResponse({"message": _validation_message(exc)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        return JSONResponse({"message": str(exc.detail)}, status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        return api.error_response(exc)  # a bug: a message, never a traceback

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_docs_page(app))

    app.include_router(api.router)
    app.include_router(pages.router)
    hosts = loopback_hosts(host, port) if host in LOOPBACK else None
    return Guard(app, hosts=hosts, token=token, max_body=max_body)


def url_of(host: str, port: int, token: str | None) -> str:
    """The URL a person opens (with the token, when there is one)."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None, echo: Any = print) -> None:
    """Serve until Ctrl-C: print the URL (and, bound beyond loopback, the token every request must carry)."""
    import uvicorn

    if host not in LOOPBACK and token is None:
        token = secrets.token_urlsafe(24)
    app = create_app(root, host=host, port=port, token=token)
    echo(f"amend serve: {root.resolve()} at {url_of(host, port, token)}")
    if token:
        echo(f"every request must carry the token {token} (open the URL above once; Ctrl-C stops the server)")
    else:
        echo("Ctrl-C stops the server")
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off", server_header=False)
    uvicorn.Server(config).run()
