"""Commands: auditing and CI aids (registered on the main app): schema, export, in-force, lint."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, cast

import typer

from amend.ci.report import Finding, ReportFormat
from amend.cli.common import Format, Root, app, fail, parse_date, plan_timeline, repository
from amend.errors import AmendError


class ExportTo(str, Enum):
    """The file formats of ``amend export``."""

    csv = "csv"
    xlsx = "xlsx"
    json = "json"
    akn = "akn"


@app.command()
def schema(
    outdir: Annotated[Path, typer.Argument(help="Folder for plan.schema.json and amendment.schema.json.")] = Path(
        "schema"
    ),
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if a file is missing or stale.")
    ] = False,
) -> None:
    """Write JSON Schema for plan and amendment files (for editors with a YAML language server)."""
    from amend.store.schema import schema_texts, write_schemas

    if check:
        stale = [
            name
            for name, text in schema_texts().items()
            # Bytes, not text: a file in another encoding is stale, never a decoding error.
            if not (outdir / name).is_file() or (outdir / name).read_bytes() != text.encode("utf-8")
        ]
        for name in stale:
            typer.echo(f"{outdir / name} is not what `amend schema` would write", err=True)
        raise typer.Exit(1 if stale else 0)
    try:
        written, unchanged = write_schemas(outdir)
    except AmendError as err:  # an unwritable OUTDIR
        fail(err)
    for path in written:
        typer.echo(f"wrote {path}")
    typer.echo(f"{len(written)} file(s) written, {len(unchanged)} unchanged", err=True)


@app.command()
def export(
    plan: Annotated[str, typer.Argument(help="Plan id (748), or an amending act's file (akn only).")],
    to: Annotated[ExportTo, typer.Option("--to", help="csv, xlsx, json or akn (Akoma Ntoso 3.0)")],
    at: Annotated[str | None, typer.Option("--at", help="The day (YYYY-MM-DD); required for a plan.")] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="The file to write; default: standard output (not for xlsx)."),
    ] = None,
    *,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV for Excel: begin with a UTF-8 byte order mark (csv only).")
    ] = False,
    lang: Annotated[
        str, typer.Option("--lang", help="kk, or ru: the Russian texts (unknown where no source gives them).")
    ] = "kk",
    root: Root = Path("."),
) -> None:
    """The rows of PLAN in force on a day, one line a row: columns, executor codes, amounts, last change.

    CSV cells that a spreadsheet would run as formulas are neutralised (a leading '); XLSX texts are
    typed strings. ``--to akn``: the consolidated act in force on the day as one Akoma Ntoso document;
    given an amending act's file, the act with its active modifications."""
    from amend.outputs.export import export_rows, to_csv, to_json, to_xlsx
    from amend.queries.status import repeal_note
    from amend.store.writing import write_atomic

    if plan.endswith((".yaml", ".yml")) or Path(plan).is_file():
        if to is not ExportTo.akn:
            raise typer.BadParameter("an amending act exports only --to akn", param_hint="--to")
        _export_act_akn(Path(plan), root, output)
        return
    if lang not in ("kk", "ru"):
        raise typer.BadParameter(f"no language {lang!r} (kk, ru)", param_hint="--lang")
    if lang == "ru" and to is ExportTo.akn:
        raise typer.BadParameter("--lang ru is for csv, xlsx and json", param_hint="--lang")
    if at is None:
        raise typer.BadParameter("give the day: --at YYYY-MM-DD", param_hint="--at")
    day = parse_date(at, "--at")
    if to is ExportTo.xlsx and output is None:
        raise typer.BadParameter("an xlsx workbook is written to a file: give -o FILE", param_hint="-o")
    if excel and to is not ExportTo.csv:
        raise typer.BadParameter("--excel is for --to csv", param_hint="--excel")
    timeline = plan_timeline(root, plan)
    try:
        table = export_rows(timeline.shown_at(day), day, lang, repeal_note(timeline, day, lang))
    except AmendError as err:
        fail(err)
    try:
        if to is ExportTo.akn:
            from amend.outputs.akn import version_akn

            acts = [r.act for r in timeline.acts]  # the acts the timeline applied: no second reading
            data = version_akn(table.version, acts)
            if output is None:
                typer.echo(data.decode("utf-8"), nl=False)
            else:
                write_atomic(output, data)
        elif to is ExportTo.xlsx:
            assert output is not None
            write_atomic(output, to_xlsx(table))
        else:
            text = to_csv(table, excel=excel) if to is ExportTo.csv else to_json(table)
            if output is None:
                typer.echo(text, nl=False)
            else:
                write_atomic(output, text)
    except AmendError as err:  # an unwritable -o
        fail(err)
    if table.note and to in (ExportTo.csv, ExportTo.akn):  # a table of rows only: the note is said here
        typer.echo(f"plan {plan} is repealed on {day}; its last text is exported. {table.note}", err=True)
    if output is not None:
        standing = "standing" if table.note else "in force"
        typer.echo(f"{len(table.records)} row(s) of plan {plan} {standing} on {day} written to {output}", err=True)


def _export_act_akn(path: Path, root: Path, output: Path | None) -> None:
    """An amending act (adopted or draft) as Akoma Ntoso, its modifications read against the version
    it applies to."""
    from amend.engine.amendment import FiledAmendment
    from amend.outputs.akn import amendment_akn
    from amend.queries.compare import around
    from amend.store.loading import load_amendment
    from amend.store.repository import write_atomic

    try:
        act = load_amendment(path)
        repo = repository(root)
        before, _ = around(repo.plan(act.amends), repo.amendments, FiledAmendment(act, path))
        data = amendment_akn(act, before.latest.plan)
    except AmendError as err:
        fail(err)
    if output is None:
        typer.echo(data.decode("utf-8"), nl=False)
    else:
        write_atomic(output, data)
        typer.echo(f"act {act.act.number} written to {output}", err=True)


@app.command("in-force")
def in_force(
    plan: Annotated[str, typer.Argument(help="Plan id (748).")],
    row: Annotated[str, typer.Argument(help="Row number (6, 23-1).")],
    at: Annotated[str, typer.Option("--at", help="The day (YYYY-MM-DD).")],
    format: Annotated[Format, typer.Option("--format")] = Format.text,
    root: Root = Path("."),
) -> None:
    """Whether ROW of PLAN was in force on a day, in which wording, and which act gave it that wording.

    Answers yes, no or unknown (a plan recorded with only some of its rows) and exits 0 for each;
    exit 1 is for an error such as an unknown plan.
    """
    from amend.engine.numbers import RowNumber
    from amend.queries.in_force import answer_json, answer_text, row_in_force

    day = parse_date(at, "--at")
    try:
        number = RowNumber(row)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="ROW") from None
    answer = row_in_force(plan_timeline(root, plan), number, day)
    if format is Format.json:
        typer.echo(json.dumps(answer_json(answer), ensure_ascii=False, indent=2))
    else:
        typer.echo(answer_text(answer))


@app.command()
def lint(
    plan: Annotated[str | None, typer.Argument(help="Plan id; default: every plan.")] = None,
    at: Annotated[str | None, typer.Option("--at", help="The day whose version is linted; default: today.")] = None,
    format: Annotated[
        ReportFormat, typer.Option("--format", help="text, json or github (warnings)")
    ] = ReportFormat.text,
    root: Root = Path("."),
) -> None:
    """Flags for a human to look at (odd figures, mixed alphabets, lone executor codes, unknowns in force).

    Always exits 0 when the plans load: a flag is a question, not a failure.
    """
    from amend.ci.lint import SourcePlaces, lint_timeline
    from amend.ci.report import github_lines
    from amend.store.repository import today

    day = parse_date(at, "--at") if at else today()
    repo = repository(root)
    try:
        ids = [plan] if plan else sorted(repo.plans)
        results = []
        for pid in ids:
            places = SourcePlaces(repo.plan(pid), repo.plans[pid][1], repo.timeline(pid))
            version, flags = lint_timeline(repo.timeline(pid), places, day)
            results.append((pid, version, flags))
    except AmendError as err:
        fail(err)
    every = [f for _, _, flags in results for f in flags]
    if format is ReportFormat.json:
        typer.echo(
            json.dumps({"at": day.isoformat(), "flags": [f.as_dict() for f in every]}, ensure_ascii=False, indent=2)
        )
    elif format is ReportFormat.github:
        # The report's Finding protocol is structural; mypy cannot see that a lint flag meets it.
        for line in github_lines(cast("list[Finding]", every), "warning"):
            typer.echo(line)
    else:
        for f in every:
            typer.echo(f.format())
    for pid, version, flags in results:
        typer.echo(f"plan {pid}: {len(flags)} flag(s) in the version of {version.valid_from.isoformat()}", err=True)
