"""What every command shares: the Typer app, common options, and how a command fails or reads a date."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from amend import __version__
from amend.errors import AmendError

if TYPE_CHECKING:
    from amend.engine.timeline import Timeline, Version
    from amend.store.repository import Repository

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Deterministic amendment engine for government action plans.",
)


def _root(ctx: typer.Context, value: Path) -> Path:
    """The repository folder: the command's ``--root``, else the one given before the command, else ``.``;
    refused (exit 2) unless it is a folder holding plans/base."""
    source = ctx.get_parameter_source("root")
    # By name: typer carries its own copy of click, so the enum class is not click's.
    if source is None or source.name == "DEFAULT":
        parent = ctx.parent.params.get("root") if ctx.parent is not None else None
        if parent is not None:
            value = parent
    where = "the current folder" if str(value) == "." else str(value)
    if not value.exists():
        raise typer.BadParameter(f"{where} does not exist", param_hint="--root")
    if not value.is_dir():
        raise typer.BadParameter(f"{where} is not a folder", param_hint="--root")
    if not (value / "plans" / "base").is_dir():
        raise typer.BadParameter(
            f"{where} is not an amend repository (it has no plans/base folder); run amend in one or give --root",
            param_hint="--root",
        )
    return value


Root = Annotated[
    Path,
    typer.Option(
        "--root",
        callback=_root,
        help="The repository folder (holds plans/ and consolidated/); also accepted before the command.",
    ),
]


class Format(str, Enum):
    text = "text"
    json = "json"


class ShowFormat(str, Enum):
    yaml = "yaml"
    json = "json"
    md = "md"


class LangOption(str, Enum):
    kk = "kk"
    ru = "ru"
    both = "both"


LangArg = Annotated[
    LangOption,
    typer.Option("--lang", help="kk (Kazakh), ru (Russian: unknown where no source gives it) or both side by side."),
]


def fail(err: AmendError) -> NoReturn:
    typer.echo(err.format_every(), err=True)
    raise typer.Exit(1)


def parse_date(value: str, option: str) -> dt.date:
    """A day given as YYYY-MM-DD or DD.MM.YYYY; anything else, or an impossible day, is a usage error (exit 2)."""
    from amend.outputs.dates import parse_day

    try:
        return parse_day(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def date_range(start: str, end: str) -> tuple[dt.date, dt.date]:
    """``--from`` and ``--to`` as days; ``--from`` later than ``--to`` is a usage error (never silently swapped)."""
    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    if first > last:
        raise typer.BadParameter(
            f"--from {first.isoformat()} is later than --to {last.isoformat()}", param_hint="--from/--to"
        )
    return first, last


def repository(root: Path) -> Repository:
    """The repository at ``root`` (already checked by the ``--root`` option)."""
    from amend.store.repository import Repository

    return Repository(root)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"amend {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version_callback, is_eager=True, help="Print the version and exit."),
    ] = None,
    root: Annotated[
        Path | None,
        typer.Option("--root", help="The repository folder, for every command (`amend --root DIR check`)."),
    ] = None,
) -> None:
    """Plans and their amending acts as YAML; consolidated versions by date."""


KnownOn = Annotated[
    str | None,
    typer.Option(
        "--as-known-on",
        help="Only the acts adopted up to this day (YYYY-MM-DD), retroactive ones included: the plan as known then.",
    ),
]


def plan_timeline(root: Path, plan: str, known_on: str | None = None) -> Timeline:
    """The timeline of ``plan``, from the acts adopted up to ``known_on`` when it is given; or exit 1
    naming the plans there are."""
    day = parse_date(known_on, "--as-known-on") if known_on else None
    try:
        return repository(root).timeline(plan, known_on=day)
    except AmendError as err:
        fail(err)


def plan_version(root: Path, plan: str, at: str | None, known_on: str | None = None) -> Version:
    """The version of ``plan`` in force on ``at``, or its latest version where no day is given."""
    timeline = plan_timeline(root, plan, known_on)
    try:
        return timeline.shown_at(parse_date(at, "--at")) if at else timeline.latest
    except AmendError as err:
        fail(err)
