"""THE ENGINE STEP: the one function that applies operations and checks a day's invariants.

``apply_day`` takes the state of a plan and the batch of operations that take effect on one day, in
the order rule's order (see ``timeline``). It applies them one by one (each ``apply`` is pure and
shares unchanged rows), then checks what must hold once the day's changes are all in: every executor
code that a changed row names is defined in the abbreviations note (392 names МАМ in row 6 before it
adds МАМ to the note, in its last operation; so the check is per day, not per operation).

It returns the next version's plan, what each operation touched, and the findings: errors, each placed
inside its act's file (``path``), which the store turns into file:line:col. Consolidation, compare,
preview, conflicts, lint, in-force, history, the site and the importer's validation all get their
versions from ``timeline.consolidate``, which calls this and nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from amend.engine.amendment import FiledAmendment
from amend.engine.apply import apply
from amend.engine.elements import Effect, ElementKind, Touch
from amend.engine.fast import fast_day
from amend.engine.invariants import undefined_codes
from amend.engine.model import Plan
from amend.engine.numbers import RowNumber
from amend.engine.operations import Operation
from amend.engine.order import OrderKey
from amend.engine.provenance import Source
from amend.errors import AbbreviationInUse, AbbreviationUndefined, AmendError

__all__ = ["Applied", "DayResult", "Scheduled", "apply_day", "fast_path", "reference_day"]

_new = object.__new__

# The fast path (fast.py) on or off: tests and the benchmark compare it with the reference.
_FAST = [True]


class Scheduled(NamedTuple):
    """One operation at its place in the order rule: its act's file, its index there, its day.

    A named tuple, not a frozen dataclass: the schedule makes one per operation, and a frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__``.
    """

    filed: FiledAmendment
    index: int  # type: ignore[assignment]  # shadows tuple.index, which no caller uses
    key: OrderKey
    source: Source
    # The operation as another act corrected it, or one derived from such a correction (chains.py).
    override: Operation | None = None

    @property
    def op(self) -> Operation:
        """The operation itself."""
        return self.override if self.override is not None else self.filed.amendment.operations[self.index]

    @property
    def day(self) -> dt.date:
        """The day it takes effect."""
        return self.key[0]

    def place(self, err: AmendError) -> AmendError:
        """``err`` placed inside this operation of its act's file."""
        return err.within("operations", self.index, file=self.filed.path)


class Applied:
    """An operation that was applied, and the elements it touched (in the plan it applied to).

    The fast path gives the plan the day began with instead of the touches: the kinds it takes read only
    the plan's columns, which no operation it takes changes, so that plan answers as the one the
    operation applied to. The touches are then worked out the first time a view asks (check, lint,
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
    def lazily(cls, batch: Sequence[Scheduled], plan: Plan) -> tuple[Applied, ...]:
        """Each of ``batch`` applied to ``plan`` (the fast path's day), its touches worked out when asked."""
        made = []
        for s in batch:  # without __init__'s check: this runs once per operation
            a = _new(cls)
            a.scheduled, a._plan, a._touches = s, plan, None
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

    The fast path (fast.py) gives the day where it can; the reference below gives it otherwise: for
    any kind of operation the fast path does not take, and for every day that meets an error.
    """
    if _FAST[0]:
        new = fast_day(plan, batch)
        if new is not None:
            return DayResult(new, Applied.lazily(batch, plan), ())
    return reference_day(plan, batch)


@contextmanager
def fast_path(on: bool) -> Iterator[None]:
    """Run the block with the fast path on or off (the reference alone), then restore it."""
    was = _FAST[0]
    _FAST[0] = on
    try:
        yield
    finally:
        _FAST[0] = was


def reference_day(plan: Plan, batch: Sequence[Scheduled]) -> DayResult:
    """The reference step: each operation applied by ``apply``, one pure version after another."""
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


def _undefined_codes(plan: Plan, applied: list[Applied]) -> tuple[AmendError, ...]:
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
