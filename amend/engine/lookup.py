"""Finding things in a plan for the operations: rows by number (checked against their section), where a
(sub)section stands in the document, and how an error names the plan's state. Shared by ``apply`` and
``apply_structure``."""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from amend.engine.model import Plan, Row
from amend.engine.numbers import RowNumber
from amend.engine.provenance import Source
from amend.engine.unknown import UNKNOWN, Unknown
from amend.errors import TargetDeleted, TargetMissing

__all__ = ["as_of", "find_row", "fits_between", "inserted_uid", "structure_key"]


def as_of(plan: Plan, source: Source) -> str:
    return f"plan {plan.plan} as of {source.in_force}"


def find_row(plan: Plan, number: RowNumber, section: str | None, source: Source, path: tuple[Any, ...]) -> Row:
    """An existing row, checked to be in ``section`` when the operation names one."""
    row = plan.rows.get(number.parts)
    if row is None:
        where = f" in section {section} of" if section else " in"
        deleted = plan.deleted_rows.get(str(number))
        if deleted:
            raise TargetDeleted(
                f"row {number} does not exist{where} {as_of(plan, source)}: act {deleted.act} "
                f"deleted it, in force {deleted.in_force}",
                path=path,
            )
        raise TargetMissing(f"row {number} does not exist{where} {as_of(plan, source)}", path=path)
    if section is not None and row.section != section:
        raise TargetMissing(
            f"row {number} is in section {row.section}, not in section {section}, of {as_of(plan, source)}",
            path=("section",),
        )
    return row


def structure_key(plan: Plan, section: str, subsection: str | Unknown | None) -> tuple[int, int | None]:
    """Where a (sub)section stands in the document; None where the subsection is unknown."""
    sec, subs = plan.structure[section]
    if subsection is UNKNOWN:
        return sec, None
    if subsection is None:
        return sec, -1  # rows in no subsection come before the section's subsections
    return sec, subs[subsection]


def _not_after(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    # A subsection that is not known (None) fits anywhere in its section.
    if a[0] != b[0] or a[1] is None or b[1] is None:
        return a[0] <= b[0]
    return a[1] <= b[1]


def fits_between(before: tuple[int, int | None], here: tuple[int, int | None], after: tuple[int, int | None]) -> bool:
    """True if ``here`` may stand between ``before`` and ``after`` in document order."""
    return _not_after(before, here) and _not_after(here, after)


def inserted_uid(number: str, act: str, renumbered: Container[str]) -> str | None:
    """The identity of a row inserted under ``number`` by ``act``: None (its number is its identity) unless a
    renumbered row already holds that number as its identity; then a new one that no row holds."""
    if number not in renumbered:
        return None
    uid = f"{number}+{act}"
    while uid in renumbered:
        uid += "+"
    return uid
