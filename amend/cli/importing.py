"""Commands: importing and drafting texts (registered on the main app).

``amend import TEXTFILE`` reads the text of an amending act into a draft amendment;
``amend draft-text AMENDMENT.yaml`` writes the text of an amending resolution from its operations.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from amend.cli.common import Root, app, fail, parse_date


@app.command("import")
def import_act(
    textfile: Annotated[
        Path,
        typer.Argument(
            help="The act's Kazakh text, as extracted from the reference bank's PDF, or a Word file (.docx).",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    plan: Annotated[
        str | None, typer.Option("--plan", help="The plan it amends (default: the act its heading names).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the draft here (default: print it).")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Day of first official publication (YYYY-MM-DD); the text never gives it."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUTPUT if it exists.")] = False,
    lang: Annotated[
        str, typer.Option("--lang", help="The language of TEXTFILE: kk, or ru (Kazakh texts unknown).")
    ] = "kk",
    ru: Annotated[
        Path | None,
        typer.Option(
            "--ru",
            help="The act's Russian text: merged with the Kazakh TEXTFILE change by change.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    root: Root = Path("."),
) -> None:
    """Read an amending act's text into a draft amendment (status: draft); places to check are marked REVIEW."""
    from amend.errors import AmendError
    from amend.importer import render_draft
    from amend.importer.act.docx_text import is_docx, read_docx
    from amend.importer.act.service import NoPlanNamed, import_act
    from amend.store.inputs import decode, read_bytes
    from amend.store.writing import write_atomic

    if output is not None and output.exists() and not force:
        typer.echo(f"{output} exists; it is left as it is (use --force to overwrite it)", err=True)
        raise typer.Exit(1)
    if lang not in ("kk", "ru"):
        raise typer.BadParameter(f"no reading for language {lang!r} (kk, ru)", param_hint="--lang")
    if lang == "ru" and ru is not None:
        raise typer.BadParameter("--ru gives the Russian text beside a Kazakh TEXTFILE (without --lang ru)")
    day = parse_date(published, "--published") if published else None
    try:
        data = read_bytes(textfile)
        # A Word file is read as the text draft-text prints; the same draft as .txt and .docx gives one YAML.
        text = read_docx(data, textfile.name) if is_docx(data) else decode(textfile, data)
        ru_text = None
        if ru is not None:
            ru_data = read_bytes(ru)
            ru_text = read_docx(ru_data, ru.name) if is_docx(ru_data) else decode(ru, ru_data)
        read = import_act(root, text, source=textfile.stem, plan=plan, published=day, lang=lang, ru_text=ru_text)
    except NoPlanNamed as err:
        typer.echo(err.message, err=True)
        raise typer.Exit(1) from None
    except AmendError as err:
        fail(err)
    draft = read.draft
    content = render_draft(draft)
    problems = read.problems(Path(textfile.stem))
    if output is not None:
        try:
            write_atomic(output, content)
        except AmendError as err:
            fail(err)
    else:
        typer.echo(content, nl=False)
    operations = [op.operation for op in draft.operations if op.operation is not None]
    rows = sum(len(getattr(op, "rows", ())) + hasattr(op, "cells") for op in operations)
    typer.echo(
        f"act № {draft.act.number} of {draft.act.date} amending plan {draft.amends}: "
        f"{len(operations)} operation(s), {rows} quoted row(s)" + (f"; written to {output}" if output else ""),
        err=True,
    )
    reviews = draft.reviews
    if reviews:
        typer.echo(f"{len(reviews)} place(s) to review (marked REVIEW in the draft):", err=True)
        for note in reviews:
            typer.echo(f"  {note}", err=True)
    for problem in problems:
        typer.echo(problem, err=True)
    if problems:
        raise typer.Exit(1)


class TextFormat(str, Enum):
    text = "text"
    docx = "docx"


@app.command("draft-text")
def draft_text_command(
    amendment: Annotated[
        Path, typer.Argument(help="An amendment file (adopted or draft).", exists=True, dir_okay=False, readable=True)
    ],
    lang: Annotated[str, typer.Option("--lang", help="The language of the text: kk (Kazakh) or ru (Russian).")] = "kk",
    to: Annotated[TextFormat, typer.Option("--to", help="text (default) or docx.")] = TextFormat.text,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here (default: print the text).")] = None,
    root: Root = Path("."),
) -> None:
    """Write the text of the amending resolution (title, preamble, points, changes, entry into force)."""
    from amend.errors import AmendError
    from amend.importer.act.drafting import draft_text, render_text
    from amend.importer.act.preview import plan_acts, version_before
    from amend.store.loading import load_amendment
    from amend.store.repository import write_atomic

    if lang not in ("kk", "ru"):
        raise typer.BadParameter(f"no wording for language {lang!r} (kk, ru)", param_hint="--lang")
    if to is TextFormat.docx and output is None:
        raise typer.BadParameter("a DOCX needs -o FILE", param_hint="--to")
    try:
        act = load_amendment(amendment)
        before = version_before(root, act, amendment)
    except AmendError as err:
        fail(err)
    if lang == "ru":  # the act's Russian texts (⟨неизвестно⟩ where it gives none), never a translation
        from amend.importer.act.drafting_ru import draft_text_ru

        try:
            drafted = draft_text_ru(act, before)
        except AmendError as err:
            fail(err)
    else:
        drafted = draft_text(act, before, plan_acts(root, act.amends))
    if to is TextFormat.docx:
        from amend.outputs.draft_docx import render_draft_docx

        assert output is not None
        write_atomic(output, render_draft_docx(drafted))
        return
    content = render_text(drafted)
    if output is None:
        typer.echo(content, nl=False)
    else:
        write_atomic(output, content)


@app.command("import-base")
def import_base_command(
    textfile: Annotated[
        Path,
        typer.Argument(help="The resolution's full text with its annex.", exists=True, dir_okay=False, readable=True),
    ],
    columns: Annotated[
        Path,
        typer.Option(
            "--columns", help="A plan file whose column set the annex has (the text does not print column titles)."
        ),
    ],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here (default: print it).")] = None,
    compare: Annotated[
        Path | None,
        typer.Option("--compare", help="A hand-checked plan: report the share of cells read exactly, and each miss."),
    ] = None,
    root: Root = Path("."),
) -> None:
    """Read a base plan from the text of its approving resolution; cells no rule is sure of stay unknown (REVIEW)."""
    from amend.errors import AmendError
    from amend.importer import plan_lexicon
    from amend.importer.base_plan.base import import_base, render_base, score_cells
    from amend.store.loading import load_plan
    from amend.store.repository import write_atomic

    try:
        shape = load_plan(columns)
        draft = import_base(textfile.read_text(encoding="utf-8"), shape.columns, plan_lexicon(root / "plans" / "base"))
        expected = load_plan(compare) if compare is not None else None
    except AmendError as err:
        fail(err)
    content = render_base(draft)
    if output is None:
        typer.echo(content, nl=False)
    else:
        write_atomic(output, content)
    rows = draft.data["rows"]
    cells = [v for r in rows for v in r["cells"].values()]
    known = sum(isinstance(v, str) for v in cells)
    typer.echo(
        f"plan {draft.data['plan']}: {len(draft.data['sections'])} section(s), {len(rows)} row(s), "
        f"{known} of {len(cells)} cells read, {len(draft.data['abbreviations'])} abbreviation(s); "
        f"{len(draft.notes) + sum(len(n) for n in draft.row_notes.values())} place(s) to review",
        err=True,
    )
    if expected is not None:
        typer.echo(score_cells(draft, expected).report(), err=True)
