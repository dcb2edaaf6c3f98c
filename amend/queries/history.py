"""A row's life across a plan's versions: when, and by which act, it was inserted, changed, deleted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from amend.engine.model import Row
from amend.engine.numbers import RowNumber
from amend.engine.provenance import Change
from amend.engine.timeline import Timeline

__all__ = ["RowState", "row_history"]


@dataclass(frozen=True)
class RowState:
    """A row (or its absence) over one run of versions with the same content."""

    valid_from: dt.date
    valid_to: dt.date | None
    row: Row | None  # None: the row is not in the plan in this period
    change: Change | None  # the change that started this period (None: as enacted)


def row_history(timeline: Timeline, number: RowNumber) -> list[RowState]:
    """The periods of a row, oldest first; a period starts at each change to it."""
    states: list[RowState] = []
    for version in timeline.versions:
        row = version.plan.row(number)
        deleted = version.plan.deleted_rows.get(str(number))
        if states and states[-1].row is row:  # shared, so unchanged: extend the period
            last = states[-1]
            states[-1] = RowState(last.valid_from, version.valid_to, last.row, last.change)
            continue
        change = row.history[-1] if row is not None and row.history else deleted
        if row is None and deleted is None and not states:
            continue  # not yet in the plan
        states.append(RowState(version.valid_from, version.valid_to, row, change))
    return states
