"""Conflicts between amending acts that the order rule would settle without anyone noticing.

Two acts in force on the same day that change the same row both apply, in the order rule's order, and
the later one's wording stands. That is well defined, and may be meant (a later act building on an
earlier one of the same day), but it is often not what the drafters of two independent acts had in
mind. So ``amend check`` reports it as a warning (``same-day-conflict``), which fails the run only with
``--strict``. The other two conflicts between acts, an operation on a row an earlier act deleted and an
abbreviation deleted while rows still name it, stop consolidation itself: the engine raises
``target-deleted`` and ``abbreviation-in-use``, which are errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amend.engine.elements import ElementKind
from amend.engine.numbers import RowNumber
from amend.engine.timeline import FiledAmendment, Timeline, consolidate, order_key
from amend.errors import AmendError, Location, SameDayConflict
from amend.store.yaml_io import Locator

if TYPE_CHECKING:
    from amend.store.repository import Repository

__all__ = ["RowTouch", "plan_conflicts", "repository_conflicts", "row_touches", "same_day_conflicts"]


@dataclass(frozen=True)
class RowTouch:
    """One operation changing one row on one day, and where the operation is written."""

    day: dt.date
    row: RowNumber
    filed: FiledAmendment
    index: int  # the operation's index in its act
    path: tuple[Any, ...]  # inside the act's file, the value that names the row

    @property
    def act(self) -> tuple[str, dt.date]:
        """The act, as number and adoption date (two acts may share a number across years)."""
        a = self.filed.amendment.act
        return a.number, a.date


def row_touches(timeline: Timeline, days: Container[dt.date] | None = None) -> list[RowTouch]:
    """Every (day, row, operation) by which the acts applied in the timeline write a row, from the
    engine's record of what each operation touched; with ``days``, only on those days."""
    return [
        RowTouch(
            a.scheduled.day,
            RowNumber(t.element.key),
            a.scheduled.filed,
            a.scheduled.index,
            ("operations", a.scheduled.index, *t.path),
        )
        for a in timeline.applied
        if days is None or a.scheduled.day in days
        for t in a.touches
        if t.element.kind is ElementKind.ROW and t.writes
    ]


def _shared_days(timeline: Timeline) -> set[dt.date]:
    # The days on which operations of more than one act apply: the only days two acts can both change a
    # row (an act alone on its day needs no look at what its operations touched).
    acts: dict[dt.date, set[tuple[str, dt.date]]] = {}
    for a in timeline.applied:
        act = a.scheduled.filed.amendment.act
        acts.setdefault(a.scheduled.day, set()).add((act.number, act.date))
    return {day for day, found in acts.items() if len(found) > 1}


def _place(touch: RowTouch, locate: Locator) -> Location:
    return locate(AmendError("", path=touch.path, file=touch.filed.path)).location or Location(str(touch.filed.path))


def same_day_conflicts(timeline: Timeline, *, involving: Path | None = None) -> list[SameDayConflict]:
    """A problem for each row that acts in force on the same day both change.

    Each problem points at the operation of the act that the order rule applies later, and names the
    earlier one with its place. ``involving`` keeps only conflicts with the act in that file (a draft
    checked as if adopted).
    """
    by_row: dict[tuple[dt.date, RowNumber], list[RowTouch]] = {}
    for t in row_touches(timeline, _shared_days(timeline)):
        by_row.setdefault((t.day, t.row), []).append(t)
    problems: list[SameDayConflict] = []
    locate = Locator()  # an act in several conflicts is read with positions once
    for (day, row), touches in sorted(by_row.items(), key=lambda item: (item[0][0], item[0][1].parts)):
        # The order rule within one day (the day itself may have been moved by another act).
        touches.sort(key=lambda t: (t.filed.amendment.act.date, order_key(t.filed.amendment, t.index)[2], t.index))
        first = touches[0]
        later = {}
        for t in touches:
            if t.act != first.act and t.act not in later:
                later[t.act] = t  # the act's first operation on the row: where to point
        for t in later.values():
            if involving is not None and involving not in (first.filed.path, t.filed.path):
                continue
            earlier_op = first.filed.amendment.operations[first.index].op
            op = t.filed.amendment.operations[t.index].op
            err = SameDayConflict(
                f"row {row} of plan {timeline.plan_id} is changed by act {first.act[0]} ({earlier_op}, "
                f"{_place(first, locate)}) and by act {t.act[0]} ({op}), both with effect from {day}: the order rule "
                f"applies act {first.act[0]} first, so act {t.act[0]}'s change is the one that stands",
                path=t.path,
                file=t.filed.path,
            )
            problems.append(locate(err))
    return problems


def repository_conflicts(repo: Repository) -> list[SameDayConflict]:
    """Same-day conflicts among the adopted acts of every plan, and those each draft would bring if adopted.

    Call it once ``amend.ci.check.check`` has found no problem: it consolidates every plan.
    """
    found: list[SameDayConflict] = []
    for pid, timeline in repo.timelines.items():
        found.extend(plan_conflicts(repo, pid, timeline))
    return found


def plan_conflicts(repo: Repository, pid: str, timeline: Timeline) -> list[SameDayConflict]:
    """Same-day conflicts of one plan (``timeline``), and those each of its drafts would bring."""
    found = same_day_conflicts(timeline)
    acts = repo.acts_of(pid)  # the plan's own acts: the others never take effect on it
    for draft in (f for f in acts if not f.amendment.takes_effect):
        with_draft = consolidate(repo.plan(pid), acts, drafts=[draft])
        found.extend(same_day_conflicts(with_draft, involving=draft.path))
    return found
