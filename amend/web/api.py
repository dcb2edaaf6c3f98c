"""The JSON API (OpenAPI at ``/docs``): the same data as the CLI's JSON, from the same library calls."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from enum import Enum
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from amend.ci.workbench import (
    DraftPreview,
    draft_counts,
    operation_summary,
    preview_text,
    preview_yaml,
    save_draft,
)
from amend.engine.numbers import RowNumber
from amend.errors import AmendError
from amend.outputs.dates import parse_day
from amend.queries.compare import comparison_json
from amend.queries.history import history_json
from amend.queries.status import plan_status, show_data, status_json
from amend.web.state import Workbench
from amend.web.uploads import DraftInput, UploadRefused, read_draft_bytes

__all__ = ["ApiError", "Lang", "day_of", "preview_json", "read_body", "router"]

router = APIRouter(prefix="/api", tags=["api"])

_YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")


class Lang(str, Enum):
    """The language of ``show``'s JSON: kk, ru, or both."""

    kk = "kk"
    ru = "ru"
    both = "both"


class ApiError(Exception):
    """A request the API answers with an error: its status and a message (never a traceback)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def day_of(value: str | None, name: str) -> dt.date | None:
    """A query parameter's day (YYYY-MM-DD or DD.MM.YYYY), or 422 naming the parameter."""
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise ApiError(422, f"{name}: {exc}") from None


def _bench(request: Request) -> Workbench:
    bench: Workbench = request.app.state.workbench
    return bench


At = Annotated[str, Query(description="The day, YYYY-MM-DD or DD.MM.YYYY.")]
KnownOn = Annotated[str | None, Query(description="Only the acts adopted up to this day (`--as-known-on`).")]


@router.get("/plans", summary="The plans: id, title, versions")
def plans(request: Request) -> list[dict[str, Any]]:
    """Every base plan with its title and versions (from, to, the acts that made each)."""
    bench = _bench(request)
    out = []
    for pid in sorted(bench.repository.plans):
        timeline = bench.timeline(pid)
        title = timeline.versions[0].plan.title
        out.append(
            {
                "id": pid,
                "title": None if not isinstance(title, str) else title,
                "versions": [
                    {
                        "from": v.valid_from.isoformat(),
                        "to": v.valid_to.isoformat() if v.valid_to else None,
                        "acts": list(v.acts),
                    }
                    for v in timeline.versions
                ],
            }
        )
    return out


@router.get("/plans/{plan}", summary="A plan on a day: exactly `amend show PLAN --at DATE --format json`")
def show(request: Request, plan: str, at: At, as_known_on: KnownOn = None, lang: Lang = Lang.kk) -> dict[str, Any]:
    """The version in force on ``at``, with its legal facts and status badge."""
    day = day_of(at, "at")
    assert day is not None
    timeline = _bench(request).timeline(plan, day_of(as_known_on, "as_known_on"))
    return show_data(timeline, day, lang.value)


@router.get("/plans/{plan}/status", summary="A plan's legal standing: exactly `amend status --format json`")
def status(request: Request, plan: str, at: At, as_known_on: KnownOn = None) -> dict[str, Any]:
    """In force or not on ``at``, since when, on what basis; its period; the acts applied."""
    day = day_of(at, "at")
    assert day is not None
    return status_json(plan_status(_bench(request).timeline(plan, day_of(as_known_on, "as_known_on")), day))


@router.get("/plans/{plan}/rows/{row}/history", summary="A row's history: each period, its change, its wording")
def history(request: Request, plan: str, row: str, as_known_on: KnownOn = None) -> dict[str, Any]:
    """When and by which act the row was inserted, changed or deleted."""
    try:
        number = RowNumber(row)
    except ValueError as exc:
        raise ApiError(422, f"row: {exc}") from None
    data = history_json(_bench(request).timeline(plan, day_of(as_known_on, "as_known_on")), number)
    if not data["periods"]:
        message = (
            f"row {number} is not among the rows our sources give for plan {plan}: the plan is recorded only in part"
            if not data["rows_complete"]
            else f"row {number} has never been in plan {plan}"
        )
        raise ApiError(404, message)
    return data


async def read_body(request: Request) -> DraftInput:
    """The draft a request carries: text/plain (an act's text), YAML, or a multipart upload in field ``file``
    (and, for a pair of texts, the Russian one in field ``ru``). Query ``lang=ru``: the text is Russian alone."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    lang = request.query_params.get("lang", "kk")
    if lang not in ("kk", "ru"):
        raise ApiError(422, f"lang {lang!r}: the workbench reads kk or ru texts")
    if kind == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise ApiError(422, "the multipart body has no file in field `file`")
        given = read_draft_bytes(upload.filename or "upload", await upload.read())
        russian = form.get("ru")
        if russian is not None and not isinstance(russian, str):
            paired = read_draft_bytes(russian.filename or "ru.txt", await russian.read())
            if given.kind != "text" or paired.kind != "text" or lang == "ru":
                raise ApiError(422, "field `ru` is the Russian text beside a Kazakh text (.txt or .docx)")
            return replace(given, ru=paired.content)
        return replace(given, lang=lang)
    data = await request.body()
    if kind in ("text/plain", ""):
        return replace(read_draft_bytes("draft.txt", data), lang=lang)
    if kind in _YAML_TYPES:
        return read_draft_bytes("draft.yaml", data)
    raise ApiError(415, f"content type {kind!r}: send text/plain, application/yaml or a multipart `file`")


def run_preview(bench: Workbench, given: DraftInput) -> DraftPreview:
    """The workbench's preview of what was given (an act's text, or a draft's YAML)."""
    if given.kind == "yaml":
        return preview_yaml(bench.root, given.content, bench.repository)
    # The draft names the file it was read from without its extension, as `amend import` does (.txt = .docx).
    return preview_text(
        bench.root,
        given.content,
        source=PurePath(given.name).stem,
        repo=bench.repository,
        lang=given.lang,
        ru_text=given.ru,
    )


def preview_json(preview: DraftPreview) -> dict[str, Any]:
    """The preview's JSON: the YAML, operations with their sentences, REVIEW places, problems, flags,
    the comparative table and the plan on the act's day (as ``show --format json``)."""
    act = preview.act
    if preview.sources:
        operations = [operation_summary(op) for op in preview.sources]
    else:
        from amend.importer.act.writer import operation_data
        from amend.store.serialize import to_json_value

        ops = act.operations if act is not None else ()
        operations = [{"operation": to_json_value(operation_data(o)), "source": [], "review": []} for o in ops]
    version = None
    if preview.timeline is not None and preview.day is not None and not preview.problems:
        version = show_data(preview.timeline, preview.day)
    return {
        "file": preview.name,
        "amendment": preview.amendment,
        "counts": draft_counts(act) if act is not None else None,
        "in_force": preview.day.isoformat() if preview.day else None,
        "operations": operations,
        "review": [{"line": r.line, "message": r.message} for r in preview.reviews],
        "problems": [p.as_dict() for p in preview.problems],
        "flags": [f.as_dict() for f in preview.flags],
        "compare": comparison_json(preview.comparison) if preview.comparison is not None else None,
        "version": version,
    }


@router.post(
    "/drafts/preview",
    summary="Preview a draft: its operations, REVIEW places, problems, comparative table and the plan it makes",
    openapi_extra={
        "requestBody": {
            "content": {
                "text/plain": {"schema": {"type": "string"}},
                "application/yaml": {"schema": {"type": "string"}},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "file": {"type": "string", "format": "binary"},
                            "ru": {"type": "string", "format": "binary", "description": "the Russian text of a pair"},
                        },
                    }
                },
            },
            "required": True,
        }
    },
)
async def preview(request: Request) -> dict[str, Any]:
    """Body: the amending act's Kazakh text (text/plain; charset=utf-8; ``?lang=ru`` for a Russian text alone),
    a draft's YAML (application/yaml), or a multipart upload in field ``file`` (.docx, .txt, .yaml), with the
    act's Russian text in field ``ru`` for a pair. A text that is not an amending act: 422."""
    given = await read_body(request)
    from starlette.concurrency import run_in_threadpool

    result = await run_in_threadpool(run_preview, _bench(request), given)
    return preview_json(result)


@router.post(
    "/drafts",
    summary="Save a draft as plans/amendments/<number>.yaml (status: draft); 409 if it exists and overwrite is not set",
    status_code=201,
    openapi_extra={"requestBody": {"content": {"application/yaml": {"schema": {"type": "string"}}}, "required": True}},
)
async def save(request: Request, overwrite: bool = False) -> JSONResponse:
    """Body: the draft's YAML. Written atomically; an existing file only with ``overwrite=true``."""
    given = await read_body(request)
    if given.kind != "yaml":
        raise ApiError(415, "save a draft's YAML (application/yaml)")
    target = save_draft(_bench(request).root, given.content, overwrite=overwrite)
    return JSONResponse({"file": f"plans/amendments/{target.name}"}, status_code=201)


def error_response(err: Exception) -> Response:
    """An error as JSON with a ``message`` (and a rule and place where the library gives them)."""
    from amend.errors import PlanMissing

    if isinstance(err, ApiError):
        return JSONResponse({"message": err.message}, status_code=err.status)
    if isinstance(err, UploadRefused):
        return JSONResponse({**err.as_dict(), "message": err.message}, status_code=err.status)
    if isinstance(err, AmendError):
        from amend.ci.workbench import DraftExists

        status = 404 if isinstance(err, PlanMissing) else 409 if isinstance(err, DraftExists) else 422
        return JSONResponse({**err.as_dict(), "message": err.message}, status_code=status)
    return JSONResponse({"message": "internal error: the server could not answer this request"}, status_code=500)
