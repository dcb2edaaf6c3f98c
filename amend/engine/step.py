"""THE ENGINE STEP: the one function that applies operations and checks a day's invariants.

``apply_day`` takes the state of a plan and the batch of operations that take effect on one day, in
the order rule's order (see ``timeline``). It applies them on one plan editor (``editor.PlanEditor``),
then checks what must hold once the day's changes are all in: every executor code that a changed row
names is defined in the abbreviations note (392 names МАМ in row 6 before it adds МАМ to the note, in its
last operation; so the check is per day, not per operation). Where the day meets an error, it is run
again one operation at a time (``apply_each``: one editor per operation), only to place the error and
to give what the operations before it touched.

It returns the next version's plan, what each operation touched, and the findings: errors, each placed
inside its act's file (``path``), which the store turns into file:line:col. Consolidation, compare,
preview, conflicts, lint, in-force, history, the site and the importer's validation all get their
versions from ``timeline.consolidate``, which calls this and nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from amend.engine.amendment import FiledAmendment
from amend.engine.editor import PlanEditor, apply
from amend.engine.elements import Effect, ElementKind, Touch
from amend.engine.invariants import undefined_codes
from amend.engine.model import Plan
from amend.engine.numbers import RowNumber
from amend.engine.operations import Operation
from amend.engine.order import OrderKey
from amend.engine.provenance import Source
from amend.errors import AbbreviationInUse, AbbreviationUndefined, AmendError

__all__ = ["Applied", "DayResult", "Scheduled", "apply_day", "apply_each"]


class Scheduled(NamedTuple):
    """One operation at its place in the order rule: its act's file, its index there, its day.

    A named tuple, not a frozen dataclass: the schedule makes one per operation, and a frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__``.
    """

    filed: FiledAmendment
    index: int  # type: ignore[assignment]  # shadows tuple.index, which no caller uses
    key: OrderKey
    source: Source
    # The operation itself: operation ``index`` of the act's file, or as another act corrected it, or one
    # derived from such a correction (chains.py). A field, not worked out when read: the editor reads it
    # once per operation.
    op: Operation

    @property
    def day(self) -> dt.date:
        """The day it takes effect."""
        return self.key[0]

    def place(self, err: AmendError) -> AmendError:
        """``err`` placed inside this operation of its act's file."""
        return err.within("operations", self.index, file=self.filed.path)


class Applied:
    """An operation that was applied, and the elements it touched (in the plan it applied to).

    The day's editor gives a plan that answers as the one the operation applied to instead of the
    touches (the plan the day began with, where the operation's touches read only the columns and no
    column changed before it). The touches are then worked out the first time a view asks (check, lint,
    conflicts, compare); consolidation alone never pays for them.
    """

    __slots__ = ("_plan", "_touches", "scheduled")

    def __init__(self, scheduled: Scheduled, touches: tuple[Touch, ...] | None = None, plan: Plan | None = None):
        if (touches is None) == (plan is None):
            raise TypeError("Applied takes the touches or the plan to work them out from, not both")
        self.scheduled = scheduled
        self._touches = touches
        self._plan = plan

    @classmethod
    def lazily(cls, batch: Sequence[Scheduled], plan: Plan, answering: Mapping[int, Plan]) -> tuple[Applied, ...]:
        """Each of ``batch`` applied (by one editor for the day), its touches worked out when asked from
        ``answering[k]`` for the k-th operation where given, else from ``plan``, the plan the day began with."""
        made = []
        new = object.__new__
        for k, s in enumerate(batch):  # without __init__'s check: this runs once per operation
            a = new(cls)
            a.scheduled, a._plan, a._touches = s, answering.get(k, plan) if answering else plan, None
            made.append(a)
        return tuple(made)

    @property
    def touches(self) -> tuple[Touch, ...]:
        """What the operation read, changed, created and deleted."""
        if self._touches is None:
            assert self._plan is not None
            self._touches = self.scheduled.op.touches(self._plan)
            self._plan = None  # the plan is not kept alive for this
        return self._touches

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Applied):
            return NotImplemented
        return self.scheduled == other.scheduled and self.touches == other.touches

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Applied({self.scheduled!r}, {self.touches!r})"


@dataclass(frozen=True, slots=True)
class DayResult:
    """The outcome of one day: the plan after it, what was applied, and the findings.

    With findings, ``plan`` is the plan as the day began: a day applies wholly or not at all.
    """

    plan: Plan
    applied: tuple[Applied, ...]
    findings: tuple[AmendError, ...]


def apply_day(plan: Plan, batch: Sequence[Scheduled]) -> DayResult:
    """Apply one day's operations (already in the order rule's order) and check the day's invariants.

    One editor takes the whole day; a day that meets an error (an operation's, or an executor code the day
    leaves undefined) is run again by ``apply_each``, one operation at a time, which places the error.
    """
    editor = PlanEditor(plan)
    try:
        answering = editor.apply_all(batch)
    except AmendError:
        return apply_each(plan, batch)
    new = editor.freeze()
    applied = Applied.lazily(batch, plan, answering)
    if editor.codes_may_be_undefined(new) and _undefined_codes(new, applied):
        return apply_each(plan, batch)
    return DayResult(new, applied, ())


def apply_each(plan: Plan, batch: Sequence[Scheduled]) -> DayResult:
    """The day one operation at a time (one editor each, one version after another): its first error
    placed inside its act's file, what each operation before it touched, the day's executor check."""
    start = plan
    applied: list[Applied] = []
    for s in batch:
        op = s.op
        try:
            touches = op.touches(plan)
            plan = apply(plan, op, s.source)
        except AmendError as err:
            found = err.with_message(f"{err.message} (operation {s.index + 1}: {op.op})")
            return DayResult(start, tuple(applied), (s.place(found),))
        applied.append(Applied(s, touches))
    findings = _undefined_codes(plan, applied)
    return DayResult(start if findings else plan, tuple(applied), findings)


def _undefined_codes(plan: Plan, applied: Sequence[Applied]) -> tuple[AmendError, ...]:
    """Executor codes must be defined on the day: in the rows written that day, or in every row once a
    code was deleted from the note."""
    executors = {c.id for c in plan.columns if c.role == "executors"}
    written: dict[str, tuple[Applied, Touch]] = {}  # row number -> the last operation that wrote it
    deletion: Applied | None = None
    for a in applied:
        for t in a.touches:
            kind = t.element.kind
            if kind is ElementKind.ROW and t.effect in (Effect.CHANGES, Effect.CREATES) and executors & set(t.columns):
                written[t.element.key] = (a, t)
            elif kind is ElementKind.ABBREVIATION and t.effect is Effect.DELETES:
                deletion = a
    if deletion is not None:
        indices: Sequence[int] = range(len(plan.rows))
    else:
        found = (plan.rows.find(RowNumber(n).parts) for n in written)
        indices = sorted(i for i, row in found if row is not None)
    for i, column, code in undefined_codes(plan, indices):
        number = str(plan.rows[i].number)
        where = written.get(number)
        if where is not None:
            a, touch = where
            err: AmendError = AbbreviationUndefined(
                f"row {number} names {code}, which the abbreviations note of plan {plan.plan} does not define "
                f"on that day",
                path=touch.text_path(column),
            )
            return (a.scheduled.place(err),)
        assert deletion is not None  # an unwritten row can only lose a code to a deletion
        err = AbbreviationInUse(
            f"abbreviation {code} is deleted (operation {deletion.scheduled.index + 1}) while "
            f"row {number} of plan {plan.plan} still names it",
            path=("code",),
        )
        return (deletion.scheduled.place(err),)
    return ()
