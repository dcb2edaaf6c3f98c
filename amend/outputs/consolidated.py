"""The files of ``consolidated/``: each version as YAML and Markdown, and each plan's index.

What ``build`` writes and what ``check`` compares against are computed here, once, from the
repository's timelines; the store only reads and writes bytes.
"""

from __future__ import annotations

from pathlib import Path

from amend.engine.timeline import Timeline
from amend.outputs.markdown import render_markdown
from amend.queries.status import standing
from amend.store.repository import BuildResult, Repository
from amend.store.serialize import index_data, version_data
from amend.store.yaml_io import dump_yaml

__all__ = ["build", "consolidated_files"]


def consolidated_files(repo: Repository, timelines: dict[str, Timeline] | None = None) -> dict[Path, bytes]:
    """Every file ``build`` writes, by path, with its bytes. Nothing is written here."""
    repo.check_references()
    files: dict[Path, bytes] = {}
    for pid, timeline in sorted((timelines if timelines is not None else repo.timelines).items()):
        folder = repo.output_dir / pid
        files[folder / "index.yaml"] = dump_yaml(index_data(timeline)).encode("utf-8")
        for version in timeline.versions:
            stem = version.valid_from.isoformat()
            files[folder / f"{stem}.yaml"] = dump_yaml(version_data(timeline, version)).encode("utf-8")
            lines = standing(timeline, version.valid_from)  # the badge, the period, the currency statement
            files[folder / f"{stem}.md"] = render_markdown(version, standing=lines).encode("utf-8")
    return files


def build(repo: Repository) -> BuildResult:
    """Write ``consolidated/``. Everything is computed first, so an error writes nothing."""
    return repo.sync(consolidated_files(repo))
