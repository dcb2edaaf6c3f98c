"""The pages: the plans and their versions for auditors (the static site's templates and page functions),
and the drafting page (``/draft``), which renders the workbench's preview on the server (a form: it
works without a script; ``draft.js`` only moves the editor's cursor to a problem's line)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from amend.ci.workbench import DraftPreview, draft_counts, draft_text_docx, save_draft
from amend.errors import AmendError
from amend.importer.act.writer import operation_data
from amend.language import interface
from amend.outputs.html import comparison_body, version_body
from amend.outputs.site import (
    PlanSite,
    file_name,
    index_page,
    language_links,
    picker_script,
    render_page,
    site_style,
)
from amend.outputs.site_words import site_words
from amend.queries.status import standing
from amend.store.yaml_io import dump_yaml
from amend.web.api import ApiError, day_of, run_preview
from amend.web.state import Workbench
from amend.web.uploads import DraftInput, read_draft_bytes

__all__ = ["ASSETS", "router"]

router = APIRouter(include_in_schema=False)

ASSETS = "/static/"
WEB = Path(__file__).parent
_STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}


def _bench(request: Request) -> Workbench:
    bench: Workbench = request.app.state.workbench
    return bench


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status)


@router.get("/static/{name}")
def static(name: str) -> Response:
    """The pages' style sheets, scripts and icon, from the package (no CDN)."""
    if name == "site.css":
        return Response(site_style(), media_type=_STATIC_TYPES[".css"])
    if name == "picker.js":
        return Response(picker_script(), media_type=_STATIC_TYPES[".js"])
    # Only the files the package ships under web/static, by their bare name.
    known = {p.name: p for p in (WEB / "static").iterdir() if p.is_file()}
    if name not in known:
        raise ApiError(404, f"no file {name!r} among the pages' assets")
    return Response(known[name].read_bytes(), media_type=_STATIC_TYPES.get(known[name].suffix, "text/plain"))


@router.get("/ui/{lang}")
def choose_language(request: Request, lang: str) -> RedirectResponse:
    """A language link: the interface in ``lang`` (kk or ru) from now on (a cookie), back to the page it was
    chosen on (the Referer, when it is one of this server's pages; else the plans)."""
    if lang not in interface.WORKBENCH:
        raise _not_found(f"interface language {lang!r} (kk, ru)")
    back = "/"
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.netloc == request.headers.get("host") and referer.path.startswith("/") and "//" not in referer.path:
        back = referer.path + (f"?{referer.query}" if referer.query and "ui=" not in referer.query else "")
    response = RedirectResponse(back, status_code=303)
    response.set_cookie(UI_COOKIE, lang, max_age=365 * 24 * 3600, path="/", httponly=True, samesite="lax")
    return response


@router.get("/favicon.ico")
def favicon() -> Response:
    """The icon, where a browser asks for it by its old name (a JSON answer names none)."""
    return static("icon.svg")


@router.get("/")
def index(request: Request) -> HTMLResponse:
    """The plans, with their status badges."""
    bench = _bench(request)
    lang = _ui_lang(request)
    sites = [bench.site(pid, ASSETS, lang) for pid in sorted(bench.repository.plans)]
    return _html(index_page(sites, assets=ASSETS, prefix="plans/", lang=lang))


@router.get("/plans")
@router.get("/plans/")
@router.get("/plans/index.html")
def plans_index() -> RedirectResponse:
    """The plans are listed at ``/`` (the site's crumbs lead here)."""
    return RedirectResponse("/", status_code=307)


@router.get("/plans/{plan}")
def plan(request: Request, plan: str, at: str | None = None) -> RedirectResponse:
    """A plan (``?at=DATE``: its version in force that day) at the static site's address for it."""
    site = _bench(request).site(plan, ASSETS, _ui_lang(request))
    day = day_of(at, "at")
    where = f"/plans/{quote(plan)}/"
    if day is None:
        return RedirectResponse(where + "index.html", status_code=307)
    version = site.timeline.shown_at(day)  # a repealed plan: its last text, under its repeal note
    return RedirectResponse(where + f"{version.valid_from.isoformat()}.html", status_code=307)


@router.get("/plans/{plan}/")
@router.get("/plans/{plan}/index.html")
def plan_page(request: Request, plan: str) -> HTMLResponse:
    """The plan's timeline: versions with badges and downloads, a date picker, acts, rows."""
    return _html(_bench(request).site(plan, ASSETS, _ui_lang(request)).plan_page())


def _not_found(what: str) -> ApiError:
    return ApiError(404, f"no {what}")


@router.get("/plans/{plan}/{page}")
def version_page(request: Request, plan: str, page: str) -> HTMLResponse:
    """A version of the plan (``<YYYY-MM-DD>.html``, the day it came into force)."""
    site = _bench(request).site(plan, ASSETS, _ui_lang(request))
    versions = site.timeline.versions
    for k, v in enumerate(versions):
        if page == f"{v.valid_from.isoformat()}.html":
            previous = versions[k - 1] if k else None
            following = versions[k + 1] if k + 1 < len(versions) else None
            return _html(site.version_page(v, previous, following))
    raise _not_found(f"version {page!r} of plan {plan}")


@router.get("/plans/{plan}/acts/{page}")
def act_page(request: Request, plan: str, page: str) -> HTMLResponse:
    """An act's comparative table."""
    site = _bench(request).site(plan, ASSETS, _ui_lang(request))
    if page not in site.comparisons:
        raise _not_found(f"act page {page!r} of plan {plan}")
    filed, comparison = site.comparisons[page]
    return _html(site.act_page(filed, comparison))


@router.get("/plans/{plan}/rows/{page}")
def row_page(request: Request, plan: str, page: str) -> HTMLResponse:
    """A row's history."""
    site = _bench(request).site(plan, ASSETS, _ui_lang(request))
    for number in site.rows:
        if page == f"{file_name(str(number))}.html":
            return _html(site.row_page(number))
    raise _not_found(f"row page {page!r} of plan {plan}")


_MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xml": "application/xml",
}


def _attachment(data: bytes, name: str) -> Response:
    media = _MEDIA.get(name.rsplit(".", 1)[-1], "application/octet-stream")
    return Response(data, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'})


@router.get("/plans/{plan}/downloads/{name}")
def download(request: Request, plan: str, name: str) -> Response:
    """A version as DOCX, XLSX, CSV, JSON or Akoma Ntoso (the static site's downloads)."""
    site: PlanSite = _bench(request).site(plan, ASSETS, _ui_lang(request))
    for v in site.timeline.versions:
        if name.startswith(v.valid_from.isoformat() + "."):
            files = site.downloads(v)
            key = f"downloads/{name}"
            if key in files:
                return _attachment(files[key], f"{plan}-{name}")
    raise _not_found(f"download {name!r} of plan {plan}")


# -- the drafting page ---------------------------------------------------------------------------------


UI_COOKIE = "amend_ui"


def _ui_lang(request: Request, given: object = None) -> str:
    """The pages' interface language: ``given`` (the drafting form's ``ui``) or ``?ui=``, else the one chosen by
    a language link (a cookie), else the first of Kazakh and Russian the browser's Accept-Language names, else
    Kazakh."""
    for asked in (given, request.query_params.get("ui"), request.cookies.get(UI_COOKIE)):
        if asked in interface.WORKBENCH:
            return str(asked)
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in interface.WORKBENCH:
            return code
    return "kk"


def _draft_page(request: Request, *, ui_lang: str, status: int = 200, **context: Any) -> HTMLResponse:
    ui = interface.WORKBENCH[ui_lang]
    context.setdefault("text", "")
    context.setdefault("ru", "")  # the Russian text of a pair
    context.setdefault("lang", "kk")  # the language of the text: kk, or ru for a Russian text alone
    context.setdefault("message", None)
    context.setdefault("error", None)
    context.setdefault("preview", None)
    return _html(
        render_page(
            "draft.html",
            assets=ASSETS,
            search=(str(WEB / "templates"),),
            title=ui["title"],
            crumbs=[(ui["plans"], "/"), (ui["draft"], None)],
            w=site_words(ui_lang),
            ui=ui,
            ui_lang=ui_lang,
            languages=language_links(ui_lang),
            **context,
        ),
        status,
    )


@router.get("/draft")
def draft_form(request: Request) -> HTMLResponse:
    """The drafting page: paste or upload an amending act's text (or a draft's YAML)."""
    return _draft_page(request, ui_lang=_ui_lang(request))


def _preview_context(preview: DraftPreview, ui_lang: str) -> dict[str, Any]:
    """What the drafting page shows of a preview (every text escaped by the template; the tables are
    ``amend.outputs.html``'s, escaped where built)."""
    act = preview.act
    operations = []
    if preview.sources:
        for op in preview.sources:
            operations.append(
                {
                    "yaml": dump_yaml([operation_data(op.operation)]) if op.operation is not None else None,
                    "source": "\n".join(op.source),
                    "review": [str(n) for n in op.notes],
                }
            )
    elif act is not None:
        operations = [{"yaml": dump_yaml([operation_data(o)]), "source": "", "review": []} for o in act.operations]
    version_html = None
    if preview.timeline is not None and preview.day is not None and not preview.problems:
        version = preview.timeline.in_force_at(preview.day)
        version_html = Markup(
            version_body(version, whole=True, standing=standing(preview.timeline, preview.day, ui_lang), row_notes=True)
        )
    return {
        "preview": preview,
        "act": act,
        "counts": draft_counts(act) if act is not None else None,
        "in_force": site_words(ui_lang).day(preview.day) if preview.day else None,
        "operations": operations,
        "problems": [{"as": p.as_dict(), "text": p.format()} for p in preview.problems],
        "flags": [{"as": f.as_dict(), "text": f.format()} for f in preview.flags],
        "comparison_html": Markup(comparison_body(preview.comparison)) if preview.comparison is not None else None,
        "version_html": version_html,
    }


@router.post("/draft")
async def draft_action(request: Request) -> Response:
    """The drafting page's form: read a text or upload, check the edited YAML, save it, or download."""
    bench = _bench(request)
    form = await request.form()
    action = str(form.get("action", "read"))
    ui = _ui_lang(request, form.get("ui"))
    words = interface.WORKBENCH[ui]
    text = str(form.get("text", "") or "")
    amendment = str(form.get("amendment", "") or "").replace("\r\n", "\n")
    from starlette.concurrency import run_in_threadpool

    try:
        if action == "read":
            upload = form.get("file")
            given: DraftInput
            if upload is not None and not isinstance(upload, str) and upload.filename:
                given = read_draft_bytes(upload.filename, await upload.read())
            elif text.strip():
                given = DraftInput("text", text.replace("\r\n", "\n"))
            else:
                return _draft_page(request, ui_lang=ui, status=422, error=words["no_text"])
            lang = "ru" if form.get("lang") == "ru" else "kk"
            ru_text = str(form.get("ru", "") or "").replace("\r\n", "\n")
            ru_upload = form.get("ru_file")
            if ru_upload is not None and not isinstance(ru_upload, str) and ru_upload.filename:
                ru_text = read_draft_bytes(ru_upload.filename, await ru_upload.read()).content
            shown: dict[str, Any] = {"lang": lang, "ru": ru_text}
            if given.kind == "text":
                text = given.content
                if ru_text.strip() and lang == "ru":
                    return _draft_page(
                        request, ui_lang=ui, status=422, text=text, error=words["pair_needs_kazakh"], **shown
                    )
                given = replace(given, lang=lang, ru=ru_text if ru_text.strip() else None)
            preview = await run_in_threadpool(run_preview, bench, given)
            return _draft_page(request, ui_lang=ui, text=text, **shown, **_preview_context(preview, ui))
        if not amendment.strip():
            return _draft_page(request, ui_lang=ui, status=422, text=text, error=words["yaml_empty"])
        if action == "download-yaml":
            return _attachment(amendment.encode("utf-8"), "draft.yaml")
        preview = await run_in_threadpool(run_preview, bench, DraftInput("yaml", amendment))
        if action == "save":
            confirmed = form.get("overwrite") == "yes"
            target = await run_in_threadpool(save_draft, bench.root, amendment, overwrite=confirmed)
            message = words["saved"].format(path=f"plans/amendments/{target.name}")
            return _draft_page(request, ui_lang=ui, text=text, message=message, **_preview_context(preview, ui))
        if action in ("download-compare", "download-text"):
            if preview.problems or preview.act is None:
                shown = _preview_context(preview, ui)
                return _draft_page(request, ui_lang=ui, status=422, text=text, error=words["has_problems"], **shown)
            if action == "download-compare":
                from amend.outputs.docx import render_comparison_docx

                assert preview.comparison is not None
                data = render_comparison_docx(preview.comparison)
                return _attachment(data, f"salystyrmaly-keste-{file_name(preview.act.act.number)}.docx")
            data = await run_in_threadpool(draft_text_docx, bench.root, preview.act)
            return _attachment(data, f"draft-text-{file_name(preview.act.act.number)}.docx")
        return _draft_page(request, ui_lang=ui, text=text, **_preview_context(preview, ui))
    except AmendError as err:
        from amend.ci.workbench import DraftExists

        status = 409 if isinstance(err, DraftExists) else getattr(err, "status", 422)
        context: dict[str, Any] = {}
        if amendment.strip() and action != "read":
            context = _preview_context(await run_in_threadpool(run_preview, bench, DraftInput("yaml", amendment)), ui)
        return _draft_page(request, ui_lang=ui, status=status, text=text, error=err.format(), **context)
