"""The ``amend`` command: the Typer app with every area's commands registered on it."""

from __future__ import annotations

import sys

import typer

# Importing a module registers its commands on the shared app.
from amend.cli import auditing, core, drafting, importing, serving  # noqa: F401
from amend.cli.common import app
from amend.errors import AmendError

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``amend`` script."""
    try:
        app()
    except AmendError as err:  # a library error the command did not expect to meet
        typer.echo(err.format_every(), err=True)
        sys.exit(1)
    except OSError as exc:  # a file the system refused (named by the message), never a traceback
        typer.echo(f"error [io]: {exc}", err=True)
        sys.exit(1)
