"""Commands: drafting (registered on the main app): render, compare, preview, site."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from amend.cli.common import (
    KnownOn,
    LangArg,
    LangOption,
    Root,
    app,
    fail,
    parse_date,
    plan_timeline,
    repository,
)
from amend.errors import AmendError

if TYPE_CHECKING:
    from amend.queries.compare import Comparison


class RenderTo(str, Enum):
    md = "md"
    html = "html"
    docx = "docx"


class CompareLang(str, Enum):
    kk = "kk"
    ru = "ru"


class CompareTo(str, Enum):
    md = "md"
    html = "html"
    docx = "docx"
    json = "json"


Output = Annotated[
    Path | None, typer.Option("-o", "--output", help="The file to write; default: standard output (not for docx).")
]


def _write(output: Path | None, content: str | bytes) -> None:
    """Text to standard output or a file; a DOCX (bytes) only to a file (checked before any work)."""
    if output is None:
        assert isinstance(content, str)
        typer.echo(content, nl=not content.endswith("\n"))
        return
    from amend.store.writing import write_atomic

    try:
        # DOCX too: atomically, with the umask's mode; a missing folder is created.
        write_atomic(output, content)
    except AmendError as err:
        fail(err)
    typer.echo(f"wrote {output}", err=True)


def _need_file(binary: bool, output: Path | None) -> None:
    if binary and output is None:
        raise typer.BadParameter("a docx document is written to a file: give -o FILE", param_hint="-o")


@app.command()
def render(
    plan: Annotated[str, typer.Argument(help="Plan id, i.e. the approving act's number (748).")],
    at: Annotated[str | None, typer.Option("--at", help="The day (YYYY-MM-DD); default: the latest version.")] = None,
    to: Annotated[RenderTo, typer.Option("--to", help="md, html or docx")] = RenderTo.md,
    output: Output = None,
    *,
    as_known_on: KnownOn = None,
    lang: LangArg = LangOption.kk,
    root: Root = Path("."),
) -> None:
    """The version of PLAN in force on a day as readers know it: the resolution, then the annex."""
    from amend.queries.status import standing

    _need_file(to is RenderTo.docx, output)
    timeline = plan_timeline(root, plan, as_known_on)
    try:
        version = timeline.shown_at(parse_date(at, "--at")) if at else timeline.latest
    except AmendError as err:
        fail(err)
    # The status badge, the period and the currency statement, as of the day asked (or the version's).
    lines = standing(timeline, parse_date(at, "--at") if at else version.valid_from, lang.value)
    # The acts the notes cite: those the timeline itself applied (no second reading of the files).
    amendments = [r.filed.amendment for r in timeline.acts]
    if to is RenderTo.md:
        from amend.outputs.markdown import render_markdown

        _write(output, render_markdown(version, lang.value, whole=True, standing=lines) + "\n")
    elif to is RenderTo.html:
        from amend.outputs.html import render_html

        _write(output, render_html(version, lang.value, whole=True, standing=lines, amendments=amendments))
    else:
        from amend.outputs.docx import render_docx

        _write(output, render_docx(version, amendments, lang=lang.value, whole=True, standing=lines))


def _comparison_output(comparison: Comparison, to: CompareTo, lang: str = "kk") -> str | bytes:
    if to is CompareTo.md:
        from amend.outputs.markdown import render_comparison_markdown

        return render_comparison_markdown(comparison, lang)
    if to is CompareTo.html:
        from amend.outputs.html import render_comparison_html

        return render_comparison_html(comparison, lang)
    if to is CompareTo.docx:
        from amend.outputs.docx import render_comparison_docx

        return render_comparison_docx(comparison, lang)
    from amend.queries.compare import comparison_json

    return json.dumps(comparison_json(comparison), ensure_ascii=False, indent=2) + "\n"


@app.command()
def compare(
    amendment: Annotated[Path, typer.Argument(help="An amendment file (adopted or draft).")],
    to: Annotated[CompareTo, typer.Option("--to", help="md, html, docx or json")] = CompareTo.md,
    output: Output = None,
    *,
    lang: Annotated[
        CompareLang, typer.Option("--lang", help="kk, or ru: the Russian table (unknown where no source gives it)")
    ] = CompareLang.kk,
    root: Root = Path("."),
) -> None:
    """The comparative table (салыстырмалы кесте) of an act: each change, old and new wording, redline.

    The old wording is that of the version in force the day before the act takes effect, in the
    timeline of the other adopted acts. ``--lang ru``: the Russian table, with the Russian wording
    where a source gives it.
    """
    from amend.engine.amendment import FiledAmendment
    from amend.queries.compare import around
    from amend.queries.compare import compare as tabulate
    from amend.store.loading import load_amendment

    _need_file(to is CompareTo.docx, output)
    try:
        act = load_amendment(amendment)
        repo = repository(root)
        filed = FiledAmendment(act, amendment)
        base = repo.plan(act.amends)
        comparison = tabulate(base, repo.amendments, filed)
        if lang is CompareLang.ru:
            from amend.outputs.comparative import russian_comparison

            before, after = around(base, repo.amendments, filed)
            comparison = russian_comparison(comparison, before.latest.plan, after.latest.plan)
    except AmendError as err:
        fail(err)
    _write(output, _comparison_output(comparison, to, lang.value))


@app.command()
def preview(
    draft: Annotated[Path, typer.Argument(help="A draft amendment file (anywhere, or in plans/amendments).")],
    to: Annotated[CompareTo, typer.Option("--to", help="The table as md (default), html, docx or json")] = CompareTo.md,
    output: Output = None,
    root: Root = Path("."),
) -> None:
    """Apply a draft where its own dates place it among the adopted acts, writing nothing: its comparative
    table, then the validation result.

    Exit 1 if the draft does not apply, or would break the adopted acts that come after it.
    """
    from amend.engine.amendment import ActStatus, FiledAmendment
    from amend.queries.compare import compare as tabulate
    from amend.queries.compare import validate_in_repository
    from amend.store.loading import load_amendment

    _need_file(to is CompareTo.docx, output)
    try:
        act = load_amendment(draft)
        repo = repository(root)
        base = repo.plan(act.amends)
    except AmendError as err:
        fail(err)
    if act.status != "draft":
        typer.echo(f"note: {draft} has status {act.status}; previewed as a draft", err=True)
        act = act.model_copy(update={"status": ActStatus.DRAFT})
    filed = FiledAmendment(act, draft)
    try:
        comparison = tabulate(base, repo.amendments, filed)
    except AmendError as err:
        typer.echo(
            f"validation: the draft does not apply to plan {act.amends} in force {act.in_force.isoformat()}", err=True
        )
        fail(err)
    _write(output, _comparison_output(comparison, to))
    # The whole timeline with the draft: what `amend check` would say of it, later acts included.
    problems = validate_in_repository(base, repo.amendments, filed)
    for problem in problems:
        typer.echo(problem.format(), err=True)
    if problems:
        typer.echo(f"validation: {len(problems)} problem(s)", err=True)
        raise typer.Exit(1)
    typer.echo(
        f"validation: ok: the draft applies to plan {act.amends} as of {comparison.before.isoformat()} "
        f"({len(comparison.entries)} change(s)); nothing was written",
        err=not (output is None and to is CompareTo.md),
    )  # JSON on standard output stays parseable


@app.command()
def site(
    outdir: Annotated[Path, typer.Argument(help="The folder to write the site into.")],
    lang: LangArg = LangOption.kk,
    root: Root = Path("."),
) -> None:
    """A static site: each plan's timeline, each version, each act's comparative table, each row's history."""
    from amend.outputs.site import build_site

    try:
        result = build_site(repository(root), outdir, lang=lang.value)
    except AmendError as err:
        fail(err)
    for left_out in result.skipped:
        typer.echo("warning: a draft that does not apply is left out of the site:\n" + left_out.format(), err=True)
    typer.echo(f"{len(result.pages)} page(s) written to {outdir}; open {outdir / 'index.html'}")
