"""The core commands: build, check, show, versions, history, diff, gaps, costs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from amend.ci.check import check as check_repository
from amend.ci.report import ReportFormat, check_report
from amend.cli.common import (
    Format,
    LangArg,
    LangOption,
    Root,
    ShowFormat,
    app,
    fail,
    parse_date,
    plan_timeline,
    plan_version,
    repository,
)
from amend.errors import AmendError
from amend.outputs.consolidated import build as build_files


@app.command()
def build(root: Root = Path(".")) -> None:
    """Write consolidated/<plan>/<date>.yaml (and .md) for every version, and each plan's index."""
    repo = repository(root)
    try:
        result = build_files(repo)
    except AmendError as err:
        fail(err)
    for pid, timeline in repo.timelines.items():
        latest = timeline.latest.plan
        dates = ", ".join(v.valid_from.isoformat() for v in timeline.versions)
        from amend.queries.gaps import gaps

        typer.echo(
            f"plan {pid}: {len(timeline.versions)} version(s) ({dates}); latest has "
            f"{len(latest.rows)} rows, {len(latest.abbreviations)} abbreviations, "
            f"{len(gaps(latest))} gap(s)"
        )
    typer.echo(
        f"{len(result.written)} file(s) written, {len(result.unchanged)} unchanged, {len(result.removed)} removed"
    )


@app.command()
def check(
    root: Root = Path("."),
    format: Annotated[
        ReportFormat, typer.Option("--format", help="text, json or github (Actions annotations)")
    ] = ReportFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings (same-day-conflict) too.")] = False,
) -> None:
    """Validate every plan and amendment; fail if consolidated/ is not what build would write."""
    from amend.ci.conflicts import repository_conflicts

    repo = repository(root)
    problems = check_repository(repo)
    warnings = [] if problems else repository_conflicts(repo)
    report = check_report(problems, format, warnings)
    typer.echo(report.stdout, nl=False)
    typer.echo(report.stderr, nl=False, err=True)
    raise typer.Exit(1 if problems or (strict and warnings) else 0)


@app.command()
def show(
    plan: Annotated[str, typer.Argument(help="Plan id, i.e. the approving act's number (748).")],
    at: Annotated[str, typer.Option("--at", help="The day (YYYY-MM-DD).")],
    format: Annotated[ShowFormat, typer.Option("--format")] = ShowFormat.yaml,
    lang: LangArg = LangOption.kk,
    root: Root = Path("."),
) -> None:
    """The version of PLAN in force on a day (json and md: the whole resolution, in --lang)."""
    day = parse_date(at, "--at")
    timeline = plan_timeline(root, plan)
    try:
        version = timeline.in_force_at(day)
    except AmendError as err:
        fail(err)
    if format is ShowFormat.json:
        from amend.store.serialize import show_json

        typer.echo(json.dumps(show_json(version, day, lang.value), ensure_ascii=False, indent=2))
    elif format is ShowFormat.md:
        from amend.outputs.markdown import render_markdown

        typer.echo(render_markdown(version, lang.value, whole=True))
    else:
        if lang is not LangOption.kk:
            raise typer.BadParameter(
                "the yaml format is the consolidated file, which holds both languages: use --format json or md",
                param_hint="--lang",
            )
        from amend.store.serialize import version_data
        from amend.store.yaml_io import dump_yaml

        typer.echo(dump_yaml(version_data(timeline, version)), nl=False)


@app.command()
def versions(plan: str, root: Root = Path(".")) -> None:
    """Every version of PLAN with the days it is in force and the acts that made it."""
    timeline = plan_timeline(root, plan)
    for v in timeline.versions:
        until = v.valid_to.isoformat() if v.valid_to else "…"
        acts = ", ".join(v.acts) if v.acts else f"{plan} (as enacted)"
        typer.echo(f"{v.valid_from.isoformat()} – {until}  {acts}")
    if timeline.repealed_on:
        typer.echo(f"repealed with effect from {timeline.repealed_on.isoformat()}")


@app.command()
def history(plan: str, row: str, root: Root = Path(".")) -> None:
    """When and by which act ROW of PLAN was inserted, changed or deleted."""
    from amend.engine.numbers import RowNumber
    from amend.queries.history import row_history

    try:
        number = RowNumber(row)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="ROW") from None
    states = row_history(plan_timeline(root, plan), number)
    if not states:
        typer.echo(f"row {number} has never been in plan {plan}", err=True)
        raise typer.Exit(1)
    for s in states:
        until = s.valid_to.isoformat() if s.valid_to else "…"
        how = s.change.note if s.change else f"as enacted by act {plan}"
        state = (
            "not in the plan"
            if s.row is None
            else (
                "wording unknown"
                if all(t is None or t.__class__.__name__ == "Unknown" for t in s.row.cells.values())
                else "in force"
            )
        )
        typer.echo(f"{s.valid_from.isoformat()} – {until}  {state}: {how}")


@app.command()
def diff(
    plan: str,
    from_: Annotated[str, typer.Option("--from", help="The earlier day.")],
    to: Annotated[str, typer.Option("--to", help="The later day.")],
    format: Annotated[Format, typer.Option("--format")] = Format.text,
    root: Root = Path("."),
) -> None:
    """What changed in PLAN between the versions in force on two days."""
    from amend.queries.diff import diff_text, version_diff

    timeline = plan_timeline(root, plan)
    try:
        data = version_diff(
            timeline.in_force_at(parse_date(from_, "--from")), timeline.in_force_at(parse_date(to, "--to"))
        )
    except AmendError as err:
        fail(err)
    if format is Format.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        typer.echo(diff_text(data))


@app.command()
def gaps(
    plan: str,
    at: Annotated[str | None, typer.Option("--at", help="The day; default: the latest version.")] = None,
    lang: Annotated[
        LangOption, typer.Option("--lang", help="kk: unknown Kazakh texts; ru: texts no source gives in Russian.")
    ] = LangOption.kk,
    root: Root = Path("."),
) -> None:
    """Every unknown in a version of PLAN: what our sources do not give."""
    from amend.queries.gaps import gaps as find_gaps

    if lang is LangOption.both:
        raise typer.BadParameter("gaps are of one language: kk or ru", param_hint="--lang")
    version = plan_version(root, plan, at)
    found = find_gaps(version.plan, lang.value)
    for g in found:
        typer.echo(str(g))
    typer.echo(f"{len(found)} gap(s) in plan {plan} as of {version.valid_from.isoformat()}", err=True)


@app.command()
def costs(
    plan: str,
    at: Annotated[str | None, typer.Option("--at", help="The day; default: the latest version.")] = None,
    root: Root = Path("."),
) -> None:
    """Totals of the cost figures of PLAN (million tenge), by column and by funding source."""
    from amend.engine.amounts import cost_totals

    version = plan_version(root, plan, at)
    totals = cost_totals(version.plan)
    if not totals.columns:
        typer.echo(f"plan {plan} has no amount columns", err=True)
        raise typer.Exit(1)
    typer.echo(
        f"plan {plan} as of {version.valid_from.isoformat()}: million tenge, "
        f"from {totals.rows_with_figures} row(s) that state figures"
    )
    width = max(len(c) for c in totals.columns)
    for c in totals.columns:
        typer.echo(f"  {c:<{width}}  {totals.total[c]:>12}")
    typer.echo("by funding source:")
    for source, sums in totals.by_funding.items():
        typer.echo(f"  {source}: " + ", ".join(f"{c} {sums[c]}" for c in totals.columns))
    if totals.unknown_cells:
        typer.echo(f"{totals.unknown_cells} amount cell(s) are unknown: the totals leave them out", err=True)
