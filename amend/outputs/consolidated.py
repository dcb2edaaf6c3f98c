"""The files of ``consolidated/``: each version as YAML and Markdown, and each plan's index.

What ``build`` writes and what ``check`` compares against are computed here, once, from the
repository's timelines; the store only reads and writes bytes.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from amend.engine.gc_pause import gc_paused
from amend.engine.timeline import Timeline
from amend.errors import AmendError
from amend.outputs.markdown import MarkdownRows, render_markdown
from amend.queries.status import standing
from amend.store.repository import BuildResult, Repository, differs
from amend.store.serialize import PartData, index_data, version_data
from amend.store.yaml_render import YamlRenderer

__all__ = ["build", "build_summarised", "consolidated_files", "plan_files", "plan_summary"]


def consolidated_files(
    repo: Repository, timelines: dict[str, Timeline] | None = None, *, jobs: int = 1
) -> dict[Path, bytes]:
    """Every file ``build`` writes, by path, with its bytes. Nothing is written here.

    With ``jobs`` > 1 (and no ``timelines`` given), plans are consolidated and rendered on that many
    processes; the files are the same, byte for byte.
    """
    repo.check_references()
    files: dict[Path, bytes] = {}
    if timelines is None and jobs > 1:
        from amend.outputs.parallel import map_plans

        for found in map_plans(_files_of_plan, repo, sorted(repo.plans), jobs):
            files.update(found)
        return files
    for pid, timeline in sorted((timelines if timelines is not None else repo.timelines).items()):
        files.update(plan_files(repo, pid, timeline))
    return files


def plan_files(repo: Repository, pid: str, timeline: Timeline) -> dict[Path, bytes]:
    """The files of one plan: each version as YAML and Markdown, and the plan's index.

    The YAML is ``dump_yaml``'s, byte for byte, written by one ``YamlRenderer`` for the whole plan: its
    versions share most of their texts, and each distinct text is rendered once; they share their
    unchanged rows (the same objects), and each row is converted to data, rendered as YAML and as
    Markdown once.
    """
    files: dict[Path, bytes] = {}
    folder = repo.output_dir / pid
    yaml = YamlRenderer(reuse=True)
    parts = PartData()
    markdown_rows = MarkdownRows()
    with gc_paused():  # plain data and texts, no cycles: the collector would only walk them (see gc_pause)
        files[folder / "index.yaml"] = yaml.render(index_data(timeline)).encode("utf-8")
        for version in timeline.versions:
            stem = version.valid_from.isoformat()
            files[folder / f"{stem}.yaml"] = yaml.render(version_data(timeline, version, parts)).encode("utf-8")
            lines = standing(timeline, version.valid_from)  # the badge, the period, the currency statement
            files[folder / f"{stem}.md"] = render_markdown(version, standing=lines, rows=markdown_rows).encode("utf-8")
    return files


def _files_of_plan(repo: Repository, pid: str) -> dict[Path, bytes]:
    # One plan in a worker: its timeline (errors raised, placed, as the serial path raises them) and files.
    return plan_files(repo, pid, repo.timeline(pid))


def build(repo: Repository, *, jobs: int = 1) -> BuildResult:
    """Write ``consolidated/``. Everything is computed first, so an error writes nothing."""
    return build_summarised(repo, jobs=jobs)[0]


def build_summarised(repo: Repository, *, jobs: int = 1) -> tuple[BuildResult, list[str]]:
    """``build``, and one line per plan saying what it has (plans on ``jobs`` processes; same bytes).

    Plan by plan: each plan's files are read, consolidated and rendered when its turn comes, in the
    process that takes it (``outputs.parallel.map_streamed``), and compared there with what
    ``consolidated/`` holds; what differs is staged in a temporary folder, so that neither a worker nor
    this process holds the whole corpus's output. Then the first error is raised as reading the whole
    repository first would raise it (a file that does not read, an act amending no plan, the first plan
    by id that does not consolidate), and nothing is written; or every staged file is written in place,
    atomically, and what ``build`` would not write is removed.
    """
    from amend.outputs.parallel import map_streamed

    with tempfile.TemporaryDirectory(prefix="amend-build-") as staging:
        streamed = map_streamed(functools.partial(_build_plan, staging=Path(staging)), repo, jobs)
        for err in (*streamed.read_problems(), *streamed.missing_plans(repo)):
            raise err
        targets: list[Path] = []
        changed: dict[Path, bytes | Path] = {}
        lines = []
        for result in streamed.results.values():
            if isinstance(result, AmendError):
                raise result
            found, differing, line = result
            targets.extend(found)
            changed.update(differing)
            lines.append(line)
        return repo.sync_changed(targets, lambda: changed), lines


def plan_summary(pid: str, timeline: Timeline) -> str:
    """``plan 748: 2 version(s) (...); latest has N rows, M abbreviations, K gap(s)``."""
    from amend.queries.gaps import gaps

    latest = timeline.latest.plan
    dates = ", ".join(v.valid_from.isoformat() for v in timeline.versions)
    return (
        f"plan {pid}: {len(timeline.versions)} version(s) ({dates}); latest has "
        f"{len(latest.rows)} rows, {len(latest.abbreviations)} abbreviations, "
        f"{len(gaps(latest))} gap(s)"
    )


def _build_plan(
    repo: Repository, pid: str, readable: bool = True, *, staging: Path | None = None
) -> tuple[list[Path], dict[Path, bytes | Path], str]:
    # One plan (``repo`` holds it and its acts): the paths of its files, those that differ from what
    # consolidated/ holds (staged in ``staging`` under their relative path, or as bytes without it),
    # and its summary line. Errors are raised, placed, as the serial path raises them.
    timeline = repo.timeline(pid)
    files = plan_files(repo, pid, timeline)
    differing: dict[Path, bytes | Path] = {}
    for path, content in files.items():
        if differs(path, content):
            if staging is None:
                differing[path] = content
                continue
            staged = staging / path.relative_to(repo.output_dir)
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_bytes(content)
            differing[path] = staged
    return list(files), differing, plan_summary(pid, timeline)
