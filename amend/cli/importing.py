"""Commands: importing (registered on the main app).

``amend import TEXTFILE`` reads the text of an amending act and writes a draft amendment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from amend.cli.common import Root, app, fail


@app.command("import")
def import_act(
    textfile: Annotated[
        Path,
        typer.Argument(
            help="The act's Kazakh text, as extracted from the reference bank's PDF.",
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
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUTPUT if it exists.")] = False,
    root: Root = Path("."),
) -> None:
    """Read an amending act's text into a draft amendment (status: draft); places to check are marked REVIEW."""
    from amend.errors import AmendError, PlanMissing
    from amend.importer import amended_plan, import_text, plan_lexicon, render_draft
    from amend.importer.preview import draft_problems
    from amend.store.inputs import decode, read_bytes
    from amend.store.loading import load_plan
    from amend.store.repository import Repository
    from amend.store.writing import write_atomic

    if output is not None and output.exists() and not force:
        typer.echo(f"{output} exists; it is left as it is (use --force to overwrite it)", err=True)
        raise typer.Exit(1)
    base_dir = root / "plans" / "base"
    try:
        text = decode(textfile, read_bytes(textfile))
        plan_id = plan or amended_plan(text)
        if plan_id is None:
            typer.echo("the heading names no amended act: say which plan with --plan", err=True)
            raise typer.Exit(1)
        path = Repository(root).plan_path(plan_id)  # refused if the id would leave plans/base
        if not path.exists():
            raise PlanMissing(f"no plan {plan_id} in {base_dir}: the importer needs its columns")
        draft = import_text(text, load_plan(path), plan_lexicon(base_dir), source=textfile.name)
    except AmendError as err:
        fail(err)
    content = render_draft(draft)
    problems = draft_problems(content, root, draft.amends)
    if output is not None:
        try:
            write_atomic(output, content)
        except AmendError as err:
            fail(err)
    else:
        typer.echo(content, nl=False)
    rows = sum(len(op.data.get("rows", ())) + ("cells" in op.data) for op in draft.operations if op.data)
    count = sum(1 for op in draft.operations if op.data)
    typer.echo(
        f"act № {draft.act['number']} of {draft.act['date']} amending plan {draft.amends}: "
        f"{count} operation(s), {rows} quoted row(s)" + (f"; written to {output}" if output else ""),
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
