"""Checking an imported draft in memory: does it make an amendment, and does it apply to its plan as if adopted?"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from amend.engine.acts import Act
from amend.engine.amendment import Amendment, FiledAmendment
from amend.engine.model import Plan
from amend.engine.timeline import act_bounds, consolidate
from amend.errors import AmendError, PlanMissing
from amend.importer.act.draft import Draft, amended_plan, import_text, plan_lexicon
from amend.importer.metadata import ImportTextError
from amend.store.loading import load_plan
from amend.store.repository import Repository
from amend.store.validation import name_place

__all__ = ["NoPlanNamed", "ReadAct", "adopted_acts", "draft_problems", "plan_acts", "read_act", "version_before"]


def _describe(err: AmendError, what: str, data: Any) -> str:
    place = name_place(err.path, data) if err.path else ""  # counted from 1, named as in the file
    return f"the draft {what}" + (f" (at {place})" if place else "") + f": [{err.rule}] {err.message}"


def adopted_acts(root: Path, plan_id: str, leave_out: Amendment | None = None) -> list[FiledAmendment]:
    """The plan's adopted acts under ``root``, less one of ``leave_out``'s number and date (the file it replaces)."""
    try:
        filed = Repository(root).amendments
    except AmendError:
        return []  # a broken file elsewhere: check the draft against the base plan alone
    key = None if leave_out is None else (leave_out.act.number, leave_out.act.date)
    return [
        f
        for f in filed
        if f.amendment.takes_effect
        and f.amendment.amends == plan_id
        and (f.amendment.act.number, f.amendment.act.date) != key
    ]


def draft_problems(draft: Draft, plan: Plan, adopted: list[FiledAmendment], path: Path) -> list[str]:
    """What keeps ``draft`` from being an amendment, or from applying to ``plan`` after the ``adopted`` acts.

    Validated in memory through the engine (``consolidate(..., drafts=[...])``); nothing is written.
    """
    if draft.entry_into_force is None:
        if draft.entry.rule == "after_publication":
            return ["the draft does not load: entry_into_force.published is unknown (give --published DATE)"]
        return ["the draft does not load: its entry_into_force is unknown"]
    amendment = draft.amendment()
    assert amendment is not None
    try:
        consolidate(plan, adopted, drafts=[FiledAmendment(amendment, path)])
    except AmendError as err:
        return [_describe(err, "does not apply", amendment.model_dump(mode="json", by_alias=True))]
    return []


def version_before(root: Path, amendment: Amendment, path: Path) -> Plan:
    """The plan under ``root`` just before ``amendment`` takes effect (after the adopted acts before it)."""
    base = load_plan(root / "plans" / "base" / f"{amendment.amends}.yaml")
    others = adopted_acts(root, amendment.amends, amendment)
    timeline = consolidate(base, others, drafts=[FiledAmendment(amendment, path)], until=act_bounds(amendment)[0])
    return timeline.latest.plan


def plan_acts(root: Path, plan_id: str) -> dict[str, Act]:
    """The plan's amending acts under ``root`` (any status) by number: ``draft-text`` names them in full."""
    try:
        filed = Repository(root).amendments
    except AmendError:
        return {}
    return {f.amendment.act.number: f.amendment.act for f in filed if f.amendment.amends == plan_id}


class NoPlanNamed(ImportTextError):
    """The text's heading names no amended act, and no plan was given."""


@dataclass(frozen=True)
class ReadAct:
    """An act's text read as a draft: the draft, the plan it amends, the adopted acts its words were counted against."""

    draft: Draft
    base: Plan
    adopted: list[FiledAmendment]


def read_act(
    root: Path,
    text: str,
    *,
    source: str = "<text>",
    plan: str | None = None,
    published: dt.date | None = None,
    lang: str = "kk",
    ru_text: str | None = None,
) -> ReadAct:
    """Read the text of an amending act into a draft of the plan under ``root`` it amends (``amend import``,
    and the web workbench's preview): ``lang`` "kk", or "ru" for a Russian text alone (its Kazakh texts
    unknown); ``ru_text``, the act's Russian text beside a Kazakh ``text``, merged change by change.

    The words it quotes are counted against the version the act amends (after the adopted acts in
    force). Raises ``NoPlanNamed`` for a text whose heading names no plan (and none is given),
    ``PlanMissing`` for a plan the repository does not hold.
    """
    from amend.importer.act import russian

    base_dir = root / "plans" / "base"
    plan_id = plan or (russian.russian_amended_plan(text) if lang == "ru" else amended_plan(text))
    if plan_id is None:
        raise NoPlanNamed("the heading names no amended act: say which plan with --plan")
    path = Repository(root).plan_path(plan_id)  # refused if the id would leave plans/base
    if not path.exists():
        raise PlanMissing(f"no plan {plan_id} in {base_dir}: the importer needs its columns")
    base = load_plan(path)
    if lang == "ru":
        draft = russian.russian_draft(text, base, source=source, published=published)
        adopted = adopted_acts(root, draft.amends, draft.amendment())
    else:
        lexicon = plan_lexicon(base_dir)
        draft = import_text(text, base, lexicon, source=source, published=published)
        adopted = adopted_acts(root, draft.amends, draft.amendment())
        if adopted:  # count the words against the version the act amends, after the acts in force
            draft = import_text(text, base, lexicon, source=source, adopted=adopted, published=published)
    if ru_text is not None:
        draft = russian.import_pair(draft, ru_text, base, root, published=published)
    return ReadAct(draft, base, adopted)
