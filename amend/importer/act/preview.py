"""Checking an imported draft in memory: does it make an amendment, and does it apply to its plan as if adopted?"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from amend.engine.acts import Act
from amend.engine.amendment import Amendment, FiledAmendment
from amend.engine.model import Plan
from amend.engine.timeline import act_bounds, consolidate
from amend.errors import AmendError
from amend.importer.act.draft import Draft
from amend.store.loading import load_plan
from amend.store.repository import Repository
from amend.store.validation import name_place

__all__ = ["adopted_acts", "draft_problems", "plan_acts", "version_before"]


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
