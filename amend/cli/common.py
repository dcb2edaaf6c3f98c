"""What every command shares: the Typer app, common options, and how a command fails or reads a date."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from amend import __version__
from amend.errors import AmendError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Deterministic amendment engine for government action plans.",
)

Root = Annotated[Path, typer.Option("--root", help="The repository folder (holds plans/ and consolidated/).")]


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
    typer.echo(err.format(), err=True)
    raise typer.Exit(1)


def parse_date(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from None


def repository(root: Path):
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
) -> None:
    """Plans and their amending acts as YAML; consolidated versions by date."""


KnownOn = Annotated[
    str | None,
    typer.Option(
        "--as-known-on",
        help="Only the acts adopted up to this day (YYYY-MM-DD), retroactive ones included: the plan as known then.",
    ),
]


def plan_timeline(root: Path, plan: str, known_on: str | None = None):
    """The timeline of ``plan``, from the acts adopted up to ``known_on`` when it is given."""
    day = parse_date(known_on, "--as-known-on") if known_on else None
    try:
        return repository(root).timeline(plan, known_on=day)
    except AmendError as err:
        fail(err)


def plan_version(root: Path, plan: str, at: str | None, known_on: str | None = None):
    """The version of ``plan`` in force on ``at``, or its latest version where no day is given."""
    timeline = plan_timeline(root, plan, known_on)
    try:
        return timeline.in_force_at(parse_date(at, "--at")) if at else timeline.latest
    except AmendError as err:
        fail(err)
