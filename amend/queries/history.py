"""A row's life across a plan's versions: when, and by which act, it was inserted, changed, deleted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from amend.engine.model import Row
from amend.engine.numbers import RowNumber
from amend.engine.operations import InsertRows, Operation
from amend.engine.provenance import Change
from amend.engine.timeline import Timeline

__all__ = ["RowState", "act_events", "history_json", "row_history"]


@dataclass(frozen=True)
class RowState:
    """A row (or its absence) over one run of versions with the same content."""

    valid_from: dt.date
    valid_to: dt.date | None
    row: Row | None  # None: the row is not in the plan in this period
    change: Change | None  # the change that started this period (None: as enacted)


def _identity(timeline: Timeline, number: RowNumber) -> str:
    """The identity of the row numbered ``number`` in the latest version that has one (a renumbered row
    keeps the identity it was created with, so its history follows it)."""
    for version in reversed(timeline.versions):
        row = version.plan.row(number)
        if row is not None:
            return row.identity
    return str(number)


def row_history(timeline: Timeline, number: RowNumber) -> list[RowState]:
    """The periods of a row, oldest first; a period starts at each change to it. The row is followed by
    its identity: a row renumbered 23-1 -> 24 has one history, asked for by either number."""
    states: list[RowState] = []
    identity = _identity(timeline, number)
    last_number = str(number)
    for version in timeline.versions:
        row = version.plan.row_by_identity(identity)
        if row is not None:
            last_number = str(row.number)
        deleted = version.plan.deleted_rows.get(last_number) if row is None else None
        if states and states[-1].row is row:  # shared, so unchanged: extend the period
            last = states[-1]
            states[-1] = RowState(last.valid_from, version.valid_to, last.row, last.change)
            continue
        change = row.history[-1] if row is not None and row.history else deleted
        if row is None and deleted is None and not states:
            continue  # not yet in the plan
        states.append(RowState(version.valid_from, version.valid_to, row, change))
    return states


def _names_row(op: Operation, number: RowNumber) -> bool:
    if isinstance(op, InsertRows):
        return any(r.number == number for r in op.rows)
    return getattr(op, "row", None) == number


def act_events(timeline: Timeline, number: RowNumber) -> list[str]:
    """What other acts did to the acts that name row ``number`` (moved, corrected, repealed), in English,
    one line each, citing both acts; and each operation on the row that never took effect."""
    lines: list[str] = []
    for record in timeline.acts:
        a = record.filed.amendment
        mine = [i for i, op in enumerate(a.operations) if _names_row(op, number)]
        if not mine:
            continue
        for e in record.events:
            if not e.operations or any(k - 1 in mine for k in e.operations):
                lines.append(
                    f"act {a.act.number} of {a.act.date.isoformat()}: {e.detail} "
                    f"(act {e.by.number} of {e.by.date.isoformat()}, in effect {e.day.isoformat()})"
                )
        for i in mine:
            if record.days[i] is None:
                lines.append(f"act {a.act.number}, operation {i + 1} on row {number}: never took effect (repealed)")
    return lines


def history_json(timeline: Timeline, number: RowNumber) -> dict[str, Any]:
    """A row's history as JSON-ready data (the web API's): each period with the change that began it
    (null: as enacted) and the row's wording then (null: not in the plan), and what other acts did to those.

    ``rows_complete`` false says that a row with no periods may still exist: the plan is recorded in part."""
    from amend.store.serialize import row_json

    periods = []
    for s in row_history(timeline, number):
        change = s.change
        periods.append(
            {
                "from": s.valid_from.isoformat(),
                "to": s.valid_to.isoformat() if s.valid_to else None,
                "change": None
                if change is None
                else {
                    "act": change.act,
                    "act_date": change.act_date.isoformat(),
                    "in_force": change.in_force.isoformat(),
                    "kind": str(getattr(change.kind, "value", change.kind)),
                    "note": change.note,
                },
                "row": None if s.row is None else row_json(timeline.in_force_at(s.valid_from).plan, s.row),
            }
        )
    return {
        "plan": timeline.plan_id,
        "row": str(number),
        "as_known_on": timeline.known_as_of.isoformat(),
        "rows_complete": all(v.plan.rows_complete for v in timeline.versions),
        "periods": periods,
        "events": act_events(timeline, number),
    }
