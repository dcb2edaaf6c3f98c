"""Acts that amend acts: what other acts made of each amending act's schedule, text and extent.

An amending act can itself be amended: another act moves its entry into force (wholly or for some
operations), corrects the words of one of its operations, or repeals it (wholly or in part). ``resolve``
works this out for every act of one plan before the order rule sorts (``timeline.schedule`` calls it), so
that consolidation simply re-applies everything with the resolved days and texts:

- ``reschedule_act``: the target operations take effect on the new date, whatever the rescheduling
  act's own date (a retroactive postponement is one; ``--as-known-on`` shows the history before it).
- ``correct_act``: if the correction takes effect on or before the day the corrected operation does,
  the operation is applied as corrected (as if it had always read so); if later, the operation applies
  as written and, on the correction's day, the words are replaced in what it wrote (a derived
  operation, placed at the correcting act's operation for errors).
- ``repeal_act``: target operations that would take effect on or after the repeal's day never do (a
  repeal before the act took effect changes nothing); those already in effect stay in the plan's text,
  which they became part of, and the act is recorded as repealed.

Directives are resolved acts-first from the outermost act inward (an act repealed before its own
rescheduling took effect reschedules nothing). A cycle of acts amending each other is an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, cast, get_args

from amend.engine.acts import Act
from amend.engine.amendment import FiledAmendment
from amend.engine.numbers import RowNumber
from amend.engine.operations import (
    ActOperation,
    AddAbbreviations,
    CorrectAct,
    InsertRows,
    Operation,
    RepealAct,
    ReplaceAbbreviation,
    ReplaceCells,
    ReplaceRow,
    ReplaceWords,
    RescheduleAct,
    ResumePlan,
    SetTitle,
    SuspendPlan,
)
from amend.engine.order import OrderKey, order_of
from amend.engine.unknown import Text
from amend.errors import AmendError, DateOrder, OccurrencesMismatch, OrderAmbiguous, SchemaError, TargetMissing

__all__ = [
    "ActEvent",
    "ActRecord",
    "Derived",
    "Resolution",
    "Suspension",
    "correct_operation",
    "resolve",
    "suspensions",
]

EventKind = Literal["rescheduled", "corrected", "repealed"]


@dataclass(frozen=True)
class ActEvent:
    """One thing another act did to an amending act."""

    kind: EventKind
    by: Act  # the act that did it
    day: dt.date  # the day its operation takes effect
    operations: tuple[int, ...]  # 1-based operations of the target concerned
    detail: str  # in English, for history and status: "entry into force moved to 2025-06-30"


@dataclass(frozen=True)
class ActRecord:
    """An amending act of a plan as the acts known make it: the day each operation takes effect (None:
    never), its operations' texts after corrections, and what other acts did to it."""

    filed: FiledAmendment
    days: tuple[dt.date | None, ...]
    operations: tuple[Operation, ...]
    amended_by: tuple[tuple[Act, ...], ...]  # per operation: the acts that moved or corrected it
    events: tuple[ActEvent, ...] = ()

    @property
    def act(self) -> Act:
        """The act itself."""
        return self.filed.amendment.act

    @cached_property  # asked for every version of a plan (a record is frozen: the answer never changes)
    def in_force(self) -> dt.date | None:
        """The first day any of its operations takes effect (None: none ever does)."""
        return min((d for d in self.days if d is not None), default=None)

    @property
    def repealed(self) -> ActEvent | None:
        """The (last) repeal of the act as a whole, if any."""
        return next((e for e in reversed(self.events) if e.kind == "repealed" and not e.operations), None)

    def applied_by(self, day: dt.date) -> bool:
        """True if some operation of it has taken effect by ``day``."""
        first = self.in_force  # the earliest of its days
        return first is not None and first <= day


def _repeal_detail(operations: tuple[int, ...] | None, pending: int, chosen: int) -> str:
    """What a repeal did, in English: of the whole act, or of the operations it names (counted from 1)."""
    if operations is None:
        if pending == chosen:
            return "repealed before it took effect: its operations never take effect"
        if pending:
            return "repealed; its operations not yet in effect never take effect"
        return "repealed after it took effect: what it changed stays in the plan's text"
    one = len(operations) == 1
    which = ("operation " if one else "operations ") + ", ".join(str(k) for k in operations)
    it, takes = ("it", "takes") if one else ("they", "take")
    if pending == chosen:
        return f"{which} repealed before {it} took effect: never {takes} effect"
    if pending:
        return f"{which} repealed; those not yet in effect never take effect"
    return f"{which} repealed after {it} took effect: what {it} changed stays in the plan's text"


@dataclass(frozen=True)
class Derived:
    """An operation derived from a correction that takes effect after the operation it corrects."""

    filed: FiledAmendment  # the correcting act
    index: int  # its operation (errors point there)
    day: dt.date
    op: Operation
    corrects: Act


@dataclass(frozen=True)
class Resolution:
    """Every act's record (by ``id`` of its amendment) and the derived operations of late corrections."""

    records: dict[int, ActRecord] = field(default_factory=dict)
    derived: tuple[Derived, ...] = ()
    suspensions: tuple[Suspension, ...] = ()


def _fix(text: Text, old: str, new: str) -> tuple[Text, int]:
    if not isinstance(text, str):
        return text, 0  # an unknown text stays unknown; its words cannot be counted
    return text.replace(old, new), text.count(old)


def correct_operation(op: Operation, old: str, new: str) -> tuple[Operation, int]:
    """``op`` with ``old`` replaced by ``new`` in every text it writes (``texts``), and how many were replaced
    (none for a kind that writes no text: the resolver refuses a correction of such a kind, naming it)."""
    changes = {}
    total = 0
    for path, text in op.texts():
        fixed, n = _fix(text, old, new)
        if n:
            changes[path] = fixed
            total += n
    return (op.with_texts(changes) if changes else op), total


def _derive(original: Operation, corrected: Operation, old: str, new: str) -> list[Operation] | None:
    """What a later correction does to the plan: the words replaced in what ``original`` wrote."""

    def words(row: RowNumber, before: dict[str, Text], after: dict[str, Text]) -> list[Operation]:
        return [
            ReplaceWords(op="replace_words", old=old, new=new, occurrences=text.count(old), row=row, column=column)
            for column, text in before.items()
            if isinstance(text, str) and after[column] != text
        ]

    match original, corrected:
        case (ReplaceRow() | ReplaceCells(), ReplaceRow() | ReplaceCells()):
            return words(original.row, original.cells, corrected.cells)
        case (InsertRows(), InsertRows()):
            return [
                op
                for before, after in zip(original.rows, corrected.rows, strict=True)
                for op in words(before.number, before.cells, after.cells)
            ]
        case (AddAbbreviations(), AddAbbreviations()):
            return [
                ReplaceAbbreviation(op="replace_abbreviation", code=code, expansion=corrected.entries[code])
                for code, text in original.entries.items()
                if corrected.entries[code] != text
            ]
        case (ReplaceAbbreviation(), ReplaceAbbreviation()):
            return [ReplaceAbbreviation(op="replace_abbreviation", code=original.code, expansion=corrected.expansion)]
        case (SetTitle(), SetTitle()):
            return [
                SetTitle(
                    op="set_title", section=original.section, subsection=original.subsection, title=corrected.title
                )
            ]
        case _:
            return None  # words replaced or structure added: only a correction in effect with it can say


def _targets(
    wanted: tuple[int, ...] | None, default: list[int], count: int, place: tuple[object, ...], filed: FiledAmendment
) -> list[int]:
    """0-based indices of the target's operations named 1-based in ``wanted`` (or ``default``)."""
    if wanted is None:
        return default
    for k, number in enumerate(wanted):
        if number > count:
            raise TargetMissing(
                f"act {filed.amendment.act.number} has {count} operation(s); there is no operation {number}",
                path=(*place, k),
                file=filed.path,
            )
    return [n - 1 for n in wanted]


# The kinds that amend another act (ActOperation), told apart by exact class: the resolver asks of every
# operation of every act, and isinstance with a union is several times slower.
_ACT_KINDS = frozenset(get_args(ActOperation))


class _Resolver:
    def __init__(
        self,
        filed: Sequence[FiledAmendment],
        not_before: dt.date | None,
        days: Mapping[int, tuple[dt.date, ...]] | None = None,
    ) -> None:
        self.filed = list(filed)
        self.not_before = not_before
        self.days = days or {}
        self.by_number: dict[str, list[FiledAmendment]] = {}
        for f in self.filed:
            self.by_number.setdefault(f.amendment.act.number, []).append(f)
        # Directives aimed at each act: (the directing act, the directive's index).
        self.aimed: dict[int, list[tuple[FiledAmendment, int]]] = {}
        for f in self.filed:
            for j, op in enumerate(f.amendment.operations):
                if type(op) in _ACT_KINDS:
                    target = self._target(f, j, cast(ActOperation, op).act)
                    self.aimed.setdefault(id(target.amendment), []).append((f, j))
        self.records: dict[int, ActRecord] = {}
        self.derived: list[Derived] = []
        self._busy: set[int] = set()

    def _target(self, filed: FiledAmendment, index: int, number: str) -> FiledAmendment:
        found = [f for f in self.by_number.get(number, []) if f is not filed]
        place = ("operations", index, "act")
        if not found:
            raise TargetMissing(
                f"act {number} is not an amending act of plan {filed.amendment.amends} known here "
                f"(act {filed.amendment.act.number}, operation {index + 1}: {filed.amendment.operations[index].op})",
                path=place,
                file=filed.path,
            )
        if len(found) > 1:
            dates = ", ".join(str(f.amendment.act.date) for f in found)
            raise OrderAmbiguous(
                f"act {number} names several amending acts of plan {filed.amendment.amends} ({dates})",
                path=place,
                file=filed.path,
            )
        return found[0]

    def record(self, filed: FiledAmendment) -> ActRecord:
        key = id(filed.amendment)
        done = self.records.get(key)
        if done is not None:
            return done
        if key in self._busy:
            raise OrderAmbiguous(
                f"act {filed.amendment.act.number} is amended, through other acts, by itself",
                path=("act", "number"),
                file=filed.path,
            )
        self._busy.add(key)
        try:
            record = self._resolve(filed)
        finally:
            self._busy.discard(key)
        self.records[key] = record
        return record

    def _resolve(self, filed: FiledAmendment) -> ActRecord:
        a = filed.amendment
        n = len(a.operations)
        if id(a) not in self.aimed:  # no other act moves, corrects or repeals it (the usual case)
            return _as_filed(filed, self.days.get(id(a)))
        days: list[dt.date | None] = [a.effective(i) for i in range(n)]
        ops: list[Operation] = list(a.operations)
        by: list[list[Act]] = [[] for _ in range(n)]
        events: list[ActEvent] = []
        directives: list[tuple[OrderKey, FiledAmendment, int, Operation]] = []
        for director, j in self.aimed.get(id(a), []):
            day = self.record(director).days[j]
            if day is None:
                continue  # the directing operation was itself repealed before it took effect
            order = order_of(day, director.amendment.act, j)  # the order rule's key: 392 before 1005
            directives.append((order, director, j, self.records[id(director.amendment)].operations[j]))
        directives.sort(key=lambda d: d[0])
        late: list[tuple[int, Derived]] = []
        # Moves first, then corrections, then repeals: a repeal is judged against the final days.
        for kind in (RescheduleAct, CorrectAct, RepealAct):
            for (day, *_), director, j, op in directives:
                if not isinstance(op, kind):
                    continue
                place = ("operations", j)
                if isinstance(op, RescheduleAct):
                    if self.not_before is not None and op.date < self.not_before:
                        raise DateOrder(
                            f"act {director.amendment.act.number} would move act {a.act.number} to {op.date}, "
                            f"before plan {a.amends} is in force ({self.not_before})",
                            path=(*place, "date"),
                            file=director.path,
                        )
                    own = [i for i in range(n) if a.operations[i].in_force is None]
                    chosen = _targets(op.operations, own, n, (*place, "operations"), director)
                    for i in chosen:
                        if days[i] is not None:
                            days[i] = op.date
                            by[i].append(director.amendment.act)
                    events.append(
                        ActEvent(
                            "rescheduled",
                            director.amendment.act,
                            day,
                            tuple(op.operations or ()),
                            f"entry into force moved to {op.date.isoformat()}",
                        )
                    )
                elif isinstance(op, CorrectAct):
                    if op.operation > n:
                        raise TargetMissing(
                            f"act {a.act.number} has {n} operation(s); there is no operation {op.operation}",
                            path=(*place, "operation"),
                            file=director.path,
                        )
                    i = op.operation - 1
                    self._correct(
                        filed, i=i, ops=ops, days=days, by=by, director=director, j=j, op=op, day=day, late=late
                    )
                    events.append(
                        ActEvent(
                            "corrected",
                            director.amendment.act,
                            day,
                            (op.operation,),
                            f'"{op.old}" replaced by "{op.new}" in operation {op.operation}',
                        )
                    )
                else:
                    assert isinstance(op, RepealAct)
                    chosen = _targets(op.operations, list(range(n)), n, (*place, "operations"), director)
                    pending = [i for i in chosen if days[i] is not None and day <= days[i]]  # type: ignore[operator]
                    for i in pending:
                        days[i] = None
                    detail = _repeal_detail(op.operations, len(pending), len(chosen))
                    events.append(ActEvent("repealed", director.amendment.act, day, tuple(op.operations or ()), detail))
        self.derived.extend(d for i, d in late if days[i] is not None)
        return ActRecord(filed, tuple(days), tuple(ops), tuple(tuple(b) for b in by), tuple(events))

    def _correct(
        self,
        filed: FiledAmendment,
        *,
        i: int,
        ops: list[Operation],
        days: list[dt.date | None],
        by: list[list[Act]],
        director: FiledAmendment,
        j: int,
        op: CorrectAct,
        day: dt.date,
        late: list[tuple[int, Derived]],
    ) -> None:
        if not ops[i].texts():
            raise SchemaError(
                f"operation {i + 1} of act {filed.amendment.act.number} is a {ops[i].op}, which writes no text: "
                f"a correction of its words cannot apply to it",
                path=("operations", j, "operation"),
                file=director.path,
            )
        corrected, found = correct_operation(ops[i], op.old, op.new)
        if found != op.occurrences:
            raise OccurrencesMismatch(
                f'"{op.old}" occurs {found} time(s) in the known text of operation {i + 1} of act '
                f"{filed.amendment.act.number}, not {op.occurrences}",
                path=("operations", j, "occurrences"),
                file=director.path,
            )
        target_day = days[i]
        if target_day is None or day <= target_day:
            ops[i] = corrected  # in effect with the operation (or before it): it is applied as corrected
            by[i].append(director.amendment.act)
            return
        derived = _derive(ops[i], corrected, op.old, op.new)
        if derived is None:
            raise AmendError(
                f"a correction of a {ops[i].op} operation must take effect with it (on {target_day} or before), "
                f"not on {day}",
                path=("operations", j, "operation"),
                file=director.path,
            )
        # The operation applies as written on its day; the derived words replacement follows on ``day``.
        late.extend((i, Derived(director, j, day, d, filed.amendment.act)) for d in derived)

    def run(self) -> Resolution:
        if not self.aimed:  # no act amends another (the usual case): every record is its act as filed
            days = self.days
            return Resolution({id(f.amendment): _as_filed(f, days.get(id(f.amendment))) for f in self.filed})
        for f in self.filed:
            self.record(f)
        return Resolution(dict(self.records), tuple(self.derived))


def _as_filed(filed: FiledAmendment, days: tuple[dt.date, ...] | None) -> ActRecord:
    """The record of an act that no other act moves, corrects or repeals (``days``: its operations' days as
    filed, where the caller has them)."""
    a = filed.amendment
    ops = a.operations
    if days is None:
        in_force = a.in_force
        days = tuple([op.in_force or in_force for op in ops])
    return ActRecord(filed, days, ops, ((),) * len(ops))


def resolve(
    filed: Sequence[FiledAmendment],
    not_before: dt.date | None = None,
    days: Mapping[int, tuple[dt.date, ...]] | None = None,
) -> Resolution:
    """The records of ``filed`` (the acts of one plan) with every act-amending directive resolved.

    ``not_before``: the plan's first day; a move to an earlier day is a ``date-order`` error. ``days``: each
    act's operations' days as filed (``Amendment.effective``), by ``id`` of its amendment, where the caller
    has worked them out (the schedule, which checks them): not worked out again."""
    return _Resolver(filed, not_before, days).run()


@dataclass(frozen=True)
class Suspension:
    """The plan's force suspended from ``start`` until ``end`` (the first day it applies again; None: no
    known act or date ends it), by ``by``; ``resumed_by``: the act that ended it early, if any."""

    start: dt.date
    end: dt.date | None
    by: Act
    resumed_by: Act | None = None

    def covers(self, day: dt.date) -> bool:
        """True if the plan is suspended on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)


def suspensions(steps: Sequence[tuple[dt.date, Act, SuspendPlan | ResumePlan]]) -> tuple[Suspension, ...]:
    """The periods of suspension that ``suspend_plan`` and ``resume_plan`` operations (in the order rule's
    order, each with its day and act) make: a resumption ends every suspension in effect on its day."""
    found: list[Suspension] = []
    for day, act, op in steps:
        if isinstance(op, SuspendPlan):
            found.append(Suspension(day, op.until, act))
        else:
            found = [
                Suspension(s.start, day, s.by, act) if s.covers(day) and s.start < day else s
                for s in found
                if not (s.covers(day) and s.start == day)  # suspended and resumed on one day: never in effect
            ]
    return tuple(found)
