"""Finding things in a plan for the plan editor's handlers: where a (sub)section stands in the document, the
identity of an inserted row, and how an error names the plan's state."""

from __future__ import annotations

from collections.abc import Container

from amend.engine.model import Plan
from amend.engine.provenance import Source
from amend.engine.unknown import UNKNOWN, Unknown

__all__ = ["as_of", "inserted_uid", "structure_key"]


def as_of(plan: Plan, source: Source) -> str:
    """The plan's state as an error names it: "plan 748 as of 2025-05-30"."""
    return f"plan {plan.plan} as of {source.in_force}"


def structure_key(plan: Plan, section: str, subsection: str | Unknown | None) -> tuple[int, int | None]:
    """Where a (sub)section stands in the document; None where the subsection is unknown."""
    sec, subs = plan.structure[section]
    if subsection is UNKNOWN:
        return sec, None
    if subsection is None:
        return sec, -1  # rows in no subsection come before the section's subsections
    return sec, subs[subsection]


def inserted_uid(number: str, act: str, renumbered: Container[str]) -> str | None:
    """The identity of a row inserted under ``number`` by ``act``: None (its number is its identity) unless a
    renumbered row already holds that number as its identity; then a new one that no row holds."""
    if number not in renumbered:
        return None
    uid = f"{number}+{act}"
    while uid in renumbered:
        uid += "+"
    return uid
