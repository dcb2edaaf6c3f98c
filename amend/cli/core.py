"""The core commands: build, check, show, versions, history, diff, gaps, costs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, cast

import typer

from amend.ci.report import Finding, ReportFormat, check_report
from amend.cli.common import (
    Format,
    KnownOn,
    LangArg,
    LangOption,
    Root,
    ShowFormat,
    app,
    date_range,
    fail,
    parse_date,
    plan_timeline,
    plan_version,
    repository,
)
from amend.errors import AmendError

Jobs = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Plans in parallel on N processes (default: the number of cores)."),
]
NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Read every file again, not the models cached from its last reading.")
]


def _jobs(jobs: int | None) -> int:
    from amend.outputs.parallel import default_jobs

    return jobs if jobs is not None else default_jobs()


@app.command()
def build(root: Root = Path("."), jobs: Jobs = None, no_cache: NoCache = False) -> None:
    """Write consolidated/<plan>/<date>.yaml (and .md) for every version, and each plan's index."""
    from amend.store.cache import caching

    repo = repository(root)
    try:
        from amend.outputs.consolidated import build_summarised

        with caching(not no_cache):
            result, summaries = build_summarised(repo, jobs=_jobs(jobs))
    except AmendError as err:
        fail(err)
    for line in summaries:
        typer.echo(line)
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
    jobs: Jobs = None,
    no_cache: NoCache = False,
) -> None:
    """Validate every plan and amendment; fail if consolidated/ is not what build would write."""
    from amend.ci.check import check_all, remembered
    from amend.store.cache import caching

    with caching(not no_cache):
        # A repository unchanged since a clean check: its answer from the cache, no plan read (nor the
        # engine imported); else every plan checked (each one unchanged still from the cache).
        found = remembered(root)
        problems, warnings = found if found is not None else check_all(repository(root), _jobs(jobs))
    # The report's Finding protocol is structural; mypy cannot see that an error class meets it.
    report = check_report(problems, format, cast("list[Finding]", warnings))
    typer.echo(report.stdout, nl=False)
    typer.echo(report.stderr, nl=False, err=True)
    raise typer.Exit(1 if problems or (strict and warnings) else 0)


@app.command()
def show(
    plan: Annotated[str, typer.Argument(help="Plan id, i.e. the approving act's number (748).")],
    at: Annotated[str, typer.Option("--at", help="The day (YYYY-MM-DD).")],
    format: Annotated[ShowFormat, typer.Option("--format")] = ShowFormat.yaml,
    as_known_on: KnownOn = None,
    lang: LangArg = LangOption.kk,
    root: Root = Path("."),
) -> None:
    """The version of PLAN in force on a day (as known on another day, with --as-known-on; json and md: the
    whole resolution, in --lang)."""
    day = parse_date(at, "--at")
    timeline = plan_timeline(root, plan, as_known_on)
    try:
        version = timeline.shown_at(day)
    except AmendError as err:
        fail(err)
    if format is ShowFormat.json:
        from amend.queries.status import show_data

        data = show_data(timeline, day, lang.value)  # the same call as the web API's
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif format is ShowFormat.md:
        from amend.outputs.markdown import render_markdown
        from amend.queries.status import standing

        typer.echo(render_markdown(version, lang.value, whole=True, standing=standing(timeline, day, lang.value)))
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
def status(
    plan: Annotated[str, typer.Argument(help="Plan id, i.e. the approving act's number (748).")],
    at: Annotated[str, typer.Option("--at", help="The day (YYYY-MM-DD).")],
    format: Annotated[Format, typer.Option("--format")] = Format.text,
    as_known_on: KnownOn = None,
    root: Root = Path("."),
) -> None:
    """The legal standing of PLAN on a day: in force or not, since when, its period, the acts applied."""
    from amend.queries.status import plan_status, status_json, status_text

    found = plan_status(plan_timeline(root, plan, as_known_on), parse_date(at, "--at"))
    if format is Format.json:
        typer.echo(json.dumps(status_json(found), ensure_ascii=False, indent=2))
    else:
        typer.echo(status_text(found))


@app.command()
def versions(plan: str, root: Root = Path(".")) -> None:
    """Every version of PLAN with the days it is in force and the acts that made it."""
    from amend.queries.status import acts_complete

    timeline = plan_timeline(root, plan)
    # "as enacted" is a claim that no other act amended it: made only where the plan file declares its acts.
    enacted = "as enacted" if acts_complete(timeline.versions[0].plan) else "as enacted, as far as the known acts say"
    for v in timeline.versions:
        until = v.valid_to.isoformat() if v.valid_to else "…"
        acts = ", ".join(v.acts) if v.acts else f"{plan} ({enacted})"
        typer.echo(f"{v.valid_from.isoformat()} – {until}  {acts}")
    for held in timeline.suspensions:
        until = f" until {held.end.isoformat()}" if held.end else ""
        typer.echo(f"suspended from {held.start.isoformat()}{until} by act {held.by.number}")
    for record in timeline.acts:  # what acts that amend acts did to each act
        for e in record.events:
            typer.echo(f"act {record.act.number}: {e.detail} (act {e.by.number}, in effect {e.day.isoformat()})")
    if timeline.repealed_on:
        typer.echo(f"repealed with effect from {timeline.repealed_on.isoformat()}")


@app.command()
def history(plan: str, row: str, as_known_on: KnownOn = None, root: Root = Path(".")) -> None:
    """When and by which act ROW of PLAN was inserted, changed or deleted (and what other acts did to those)."""
    from amend.engine.numbers import RowNumber
    from amend.queries.history import act_events, row_history

    try:
        number = RowNumber(row)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="ROW") from None
    from amend.queries.status import acts_complete

    timeline = plan_timeline(root, plan, as_known_on)
    states = row_history(timeline, number)
    enacted = "" if acts_complete(timeline.versions[0].plan) else " (other amending acts may exist)"
    if not states:
        if not all(v.plan.rows_complete for v in timeline.versions):
            # A plan recorded in part: the row may well exist; our sources just do not give it.
            typer.echo(
                f"row {number} is not among the rows our sources give for plan {plan}: the plan is recorded "
                f"only in part (rows_complete: false), so whether it has such a row is not known (amend gaps {plan})",
                err=True,
            )
        else:
            typer.echo(f"row {number} has never been in plan {plan}", err=True)
        raise typer.Exit(1)
    for s in states:
        until = s.valid_to.isoformat() if s.valid_to else "…"
        how = s.change.note if s.change else f"as enacted by act {plan}{enacted}"
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
    for line in act_events(timeline, number):
        typer.echo(line)
    typer.echo(f"as known on {timeline.known_as_of.isoformat()}")


@app.command()
def diff(
    plan: str,
    from_: Annotated[str, typer.Option("--from", help="The earlier day.")],
    to: Annotated[str, typer.Option("--to", help="The later day.")],
    format: Annotated[Format, typer.Option("--format")] = Format.text,
    *,
    as_known_on: KnownOn = None,
    root: Root = Path("."),
) -> None:
    """What changed in PLAN between the versions in force on two days (as known on a day)."""
    from amend.queries.diff import diff_text, version_diff

    first, last = date_range(from_, to)
    timeline = plan_timeline(root, plan, as_known_on)
    try:
        data = version_diff(timeline.in_force_at(first), timeline.in_force_at(last))
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
