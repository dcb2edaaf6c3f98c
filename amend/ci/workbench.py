"""A draft amendment previewed as ``amend check`` would see it once filed: the drafting workbench's service.

``preview_text`` reads an act's Kazakh text (``amend import``'s reading) and previews the YAML it makes;
``preview_yaml`` previews a draft's YAML as edited by hand. Both validate the draft as a file, at its
order position among the adopted acts of its plan: its problems (the loader's, the engine's, same-day
conflicts) and lint's flags are the same objects, in the same words, as ``amend check``, ``amend preview``
and ``amend lint`` report, each placed at its line and column in the draft's YAML. Nothing is written
under the repository; ``save_draft`` is the one write, inside ``plans/amendments/``.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from amend.ci.conflicts import same_day_conflicts
from amend.ci.lint import Flag, SourcePlaces, lint_version
from amend.engine.amendment import ActStatus, Amendment, FiledAmendment
from amend.engine.timeline import Timeline, consolidate
from amend.errors import AmendError, FileRefused, Location
from amend.importer.act.draft import DraftOp
from amend.importer.act.preview import plan_acts, version_before
from amend.importer.act.service import import_act
from amend.importer.act.writer import REVIEW_MARK, operation_data, render_draft
from amend.queries.compare import Comparison, compare, others_than, validate_in_repository
from amend.store.loading import load_amendment
from amend.store.repository import Repository
from amend.store.writing import inside, write_atomic

__all__ = [
    "DraftExists",
    "DraftPreview",
    "ReviewPlace",
    "draft_counts",
    "draft_file",
    "draft_text_docx",
    "operation_summary",
    "preview_text",
    "preview_yaml",
    "review_places",
    "save_draft",
]

_REVIEW = re.compile(r"^\s*#\s*" + re.escape(REVIEW_MARK) + r"\s*(.*)$")


class DraftExists(AmendError):
    """Save as draft would overwrite a file: only with the caller's explicit confirmation."""

    rule = "draft-exists"
    hint = "confirm the overwrite, or change the act's number"


@dataclass(frozen=True)
class ReviewPlace:
    """A place the importer marked REVIEW: its line in the YAML (from 1) and what to check."""

    line: int
    message: str


@dataclass
class DraftPreview:
    """What a draft does and what keeps it from being filed."""

    amendment: str  # the YAML text
    name: str  # the file it would be: plans/amendments/<number>.yaml
    act: Amendment | None  # None where the YAML does not load
    problems: list[AmendError] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    reviews: list[ReviewPlace] = field(default_factory=list)
    sources: list[DraftOp] = field(default_factory=list)  # from a text: each operation with its sentence
    comparison: Comparison | None = None
    timeline: Timeline | None = None  # the plan's timeline with the draft taken as adopted
    day: dt.date | None = None  # the day the draft takes effect


def review_places(yaml_text: str) -> list[ReviewPlace]:
    """The REVIEW comments of a draft's YAML, by line: those the person has not yet dealt with."""
    found = []
    for number, line in enumerate(yaml_text.splitlines(), start=1):
        m = _REVIEW.match(line)
        if m:
            found.append(ReviewPlace(number, m.group(1)))
    return found


def draft_file(root: Path, number: str) -> Path:
    """``plans/amendments/<number>.yaml`` under ``root``; refused if the number would leave that folder."""
    name = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in number) or "draft"
    return inside(root / "plans" / "amendments", f"{name}.yaml")


def _renamed(err: AmendError, temp: str, name: str) -> AmendError:
    """The error as it will read once the draft is filed under ``name`` (not the temporary file's path)."""
    loc = err.location
    if loc is not None and loc.file == temp:
        loc = Location(name, loc.line, loc.column, loc.source_line)
    out = err.at(loc, name if err.file == temp else err.file)
    out.also = ()  # the workbench lists each problem found with it on its own
    return out.with_message(out.message.replace(temp, name)) if temp in out.message else out


def _renamed_flag(flag: Flag, temp: str, name: str) -> Flag:
    loc = flag.location
    if loc is not None and loc.file == temp:
        loc = Location(name, loc.line, loc.column, loc.source_line)
    return Flag(flag.rule, flag.message, flag.plan, flag.element, name, loc)


def preview_yaml(root: Path, yaml_text: str, repo: Repository | None = None) -> DraftPreview:
    """Preview a draft's YAML: load it as a file, apply it at its order position (as a draft), and
    collect what ``amend check`` (problems, conflicts) and ``amend lint`` (flags of its text) say of it."""
    repo = repo if repo is not None else Repository(root)
    with tempfile.TemporaryDirectory(prefix="amend-draft-") as folder:
        temp = Path(folder) / "draft.yaml"
        temp.write_text(yaml_text, encoding="utf-8")
        preview = DraftPreview(yaml_text, "draft.yaml", None, reviews=review_places(yaml_text))
        try:
            act = load_amendment(temp)
        except AmendError as err:  # every problem of the file, each at its place, as `amend check` lists them
            preview.problems.extend(_renamed(e, str(temp), preview.name) for e in err.every())
            return preview
        preview.name = str(Path("plans") / "amendments" / draft_file(root, act.act.number).name)
        if act.status != ActStatus.DRAFT:
            act = act.model_copy(update={"status": ActStatus.DRAFT})  # previewed as a draft, as `amend preview`
        preview.act = act
        preview.day = act.in_force
        filed = FiledAmendment(act, temp)
        try:
            base = repo.plan(act.amends)
            preview.problems.extend(validate_in_repository(base, repo.amendments, filed))
            if not preview.problems:
                preview.comparison = compare(base, repo.amendments, filed)
                timeline = consolidate(base, others_than(repo.acts_of(act.amends), filed), drafts=[filed])
                preview.timeline = timeline
                preview.problems.extend(same_day_conflicts(timeline, involving=temp))
                version = timeline.in_force_at(act.in_force)
                places = SourcePlaces(base, repo.plans[act.amends][1], timeline)
                flags = lint_version(version, places)
                preview.flags = [_renamed_flag(f, str(temp), preview.name) for f in flags if f.file == str(temp)]
        except AmendError as err:
            preview.problems.append(err)
        preview.problems = [_renamed(p, str(temp), preview.name) for p in preview.problems]
    return preview


def preview_text(
    root: Path,
    text: str,
    *,
    source: str = "draft.txt",
    plan: str | None = None,
    published: dt.date | None = None,
    repo: Repository | None = None,
    lang: str = "kk",
    ru_text: str | None = None,
) -> DraftPreview:
    """Preview an act's text: read it as ``amend import`` does (``ImportTextError`` for a text that is not an
    amending act; ``lang="ru"`` a Russian text alone; ``ru_text`` the Russian text beside the Kazakh, merged
    change by change), then preview the YAML it makes."""
    read = import_act(root, text, source=source, plan=plan, published=published, lang=lang, ru_text=ru_text)
    preview = preview_yaml(root, render_draft(read.draft), repo)
    preview.sources = list(read.draft.operations)
    return preview


def draft_counts(act: Amendment) -> dict[str, int]:
    """How much a draft says: its operations, the rows it quotes whole, the abbreviations it adds."""
    rows = sum(len(getattr(o, "rows", ())) + hasattr(o, "cells") for o in act.operations)
    codes = sum(len(getattr(o, "entries", {})) for o in act.operations if o.op == "add_abbreviations")
    return {"operations": len(act.operations), "rows": rows, "abbreviations": codes}


def operation_summary(op: DraftOp) -> dict[str, Any]:
    """One operation read from the text, as JSON-ready data: the operation, its sentence, its REVIEW notes."""
    return {
        "operation": None if op.operation is None else _json_ready(operation_data(op.operation)),
        "source": list(op.source),
        "review": [str(n) for n in op.notes],
    }


def _json_ready(value: Any) -> Any:
    from amend.store.serialize import to_json_value

    return to_json_value(value)


def save_draft(root: Path, yaml_text: str, *, overwrite: bool = False) -> Path:
    """Write a draft's YAML to ``plans/amendments/<number>.yaml``, atomically, with ``status: draft``.

    The YAML must load as an amendment whose status is draft (an adopted act is never filed from here).
    An existing file is replaced only with ``overwrite``; else ``DraftExists``."""
    with tempfile.TemporaryDirectory(prefix="amend-draft-") as folder:
        temp = Path(folder) / "draft.yaml"
        temp.write_text(yaml_text, encoding="utf-8")
        try:
            act = load_amendment(temp)
        except AmendError as err:
            raise _renamed(err, str(temp), "draft.yaml") from None
    if act.status != ActStatus.DRAFT:
        raise FileRefused("only a draft is saved from the workbench: set `status: draft`", path=("status",))
    target = draft_file(root, act.act.number)
    if target.exists() and not overwrite:
        raise DraftExists(f"{Path('plans') / 'amendments' / target.name} exists; it is left as it is")
    write_atomic(target, yaml_text)
    return target


def draft_text_docx(root: Path, act: Amendment) -> bytes:
    """The amending resolution's text for a draft, as DOCX (``amend draft-text --to docx``)."""
    from amend.importer.act.drafting import draft_text
    from amend.outputs.draft_docx import render_draft_docx

    before = version_before(root, act, draft_file(root, act.act.number))
    return render_draft_docx(draft_text(act, before, plan_acts(root, act.amends)))
