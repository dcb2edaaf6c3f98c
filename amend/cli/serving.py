"""Command: ``amend serve``, the drafting workbench and the JSON API in a browser (registered on the main app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from amend.cli.common import Root, app


@app.command()
def serve(
    host: Annotated[
        str,
        typer.Option(
            "--host", help="The address to bind: loopback by default; any other prints a token every request needs."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="The port.")] = 8000,
    root: Root = Path("."),
) -> None:
    """Serve the plans, the drafting page (/draft) and the JSON API (/docs) until Ctrl-C."""
    from amend.web.app import serve as run

    try:
        run(root, host=host, port=port, echo=typer.echo)
    except KeyboardInterrupt:  # uvicorn handles Ctrl-C itself; a second one lands here
        pass
    except OSError as exc:  # the port is taken, or the address is not this machine's
        typer.echo(f"error [serve]: cannot serve on {host}:{port}: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo("stopped", err=True)
