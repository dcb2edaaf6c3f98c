"""The order in which amendments take effect, and the dated versions of a plan that result.

THE ORDER RULE (stated here, its key in engine/order.py, which every sort uses): operations take effect

  1. by the day they take effect (their own ``in_force``, else their act's entry into force);
  2. on the same day, by the act's adoption date;
  3. then by the act's number, in natural order (392 before 1005);
  4. within one act, in file order.

Two adopted acts of one plan with the same number and adoption date cannot be ordered: that is an
error (``order-ambiguous``), never a guess. All operations that take effect on one day make one
version, dated that day; a version stays in force until the day before the next one.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from operator import itemgetter
from typing import Any, get_args

from amend.engine.acts import AfterPublication, in_force_date
from amend.engine.amendment import Amendment, FiledAmendment
from amend.engine.chains import ActRecord, Resolution, Suspension, resolve, suspensions
from amend.engine.gc_pause import gc_paused
from amend.engine.model import Plan
from amend.engine.operations import ActOperation, ForceOperation
from amend.engine.order import OrderKey, act_number_order, order_of
from amend.engine.provenance import Change, Source
from amend.engine.step import Applied, Scheduled, apply_day
from amend.engine.unknown import UNKNOWN
from amend.errors import DateOrder, NotInForce, OrderAmbiguous

__all__ = [
    "FiledAmendment",
    "OrderKey",
    "Timeline",
    "Version",
    "act_bounds",
    "act_record",
    "base_date",
    "consolidate",
    "order_key",
    "schedule",
]


@dataclass(frozen=True)
class Version:
    """A plan as in force from ``valid_from`` through ``valid_to`` (None: still in force)."""

    plan: Plan
    valid_from: dt.date
    valid_to: dt.date | None
    acts: tuple[str, ...]  # acts whose operations took effect on valid_from (empty for the base)


@dataclass(frozen=True)
class Timeline:
    """All versions of one plan, oldest first, and every operation applied to make them, in order."""

    plan_id: str
    versions: tuple[Version, ...]
    repealed_on: dt.date | None = None
    applied: tuple[Applied, ...] = ()
    # Every amending act of the plan as the acts known make it (acts that amend acts resolved), in the
    # order rule's order of their adoption; the day up to which acts are known (None: every act on file);
    # the repeal of the plan, with its act and note.
    acts: tuple[ActRecord, ...] = ()
    known_on: dt.date | None = None
    repeal: Change | None = None
    suspensions: tuple[Suspension, ...] = ()  # periods when the plan's force is suspended (its text stands)
    _starts: tuple[dt.date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(v.valid_from for v in self.versions))

    def in_force_at(self, day: dt.date) -> Version:
        """The version in force on ``day`` (O(log n) over versions)."""
        first = self.versions[0].valid_from
        if day < first:
            raise NotInForce(f"plan {self.plan_id} was not yet in force on {day}: its first version is of {first}")
        if self.repealed_on is not None and day >= self.repealed_on:
            by = f" by act {self.repeal.act} ({self.repeal.citation})" if self.repeal is not None else ""
            raise NotInForce(
                f"plan {self.plan_id} was repealed with effect from {self.repealed_on}{by}; "
                f"nothing of it is in force on {day}"
            )
        return self.versions[bisect_right(self._starts, day) - 1]

    def shown_at(self, day: dt.date) -> Version:
        """The text that stands on ``day``: the version in force, or after a repeal the last text the plan
        had (the reference bank still shows a repealed act, under its repeal note). Before the plan's
        first version: NotInForce."""
        if self.repealed_at(day):
            return self.versions[-1]  # the repeal ends the version before it and makes none of its own
        return self.in_force_at(day)

    def repealed_at(self, day: dt.date) -> bool:
        """True once the plan's repeal has taken effect on ``day``."""
        return self.repealed_on is not None and day >= self.repealed_on

    @property
    def latest(self) -> Version:
        """The newest version."""
        return self.versions[-1]

    @property
    def known_as_of(self) -> dt.date:
        """The day up to which acts are known: ``known_on``, else the adoption of the latest act on file
        (never "today", so that outputs are the same on any machine on any day)."""
        if self.known_on is not None:
            return self.known_on
        return max((r.act.date for r in self.acts), default=self.versions[0].plan.act.date)

    def acts_applied(self, day: dt.date) -> tuple[ActRecord, ...]:
        """The amending acts some operation of which has taken effect by ``day``, in adoption order."""
        return tuple(r for r in self.acts if r.applied_by(day))

    def applied_by(self, amendment: Amendment) -> tuple[Applied, ...]:
        """The operations of ``amendment`` that were applied, in the order they took effect."""
        return tuple(a for a in self.applied if a.scheduled.filed.amendment is amendment)


def order_key(amendment: Amendment, index: int) -> OrderKey:
    """Sort key of operation ``index`` of ``amendment`` under the order rule above (engine/order.py)."""
    return order_of(amendment.effective(index), amendment.act, index)


def act_bounds(amendment: Amendment, record: ActRecord | None = None) -> tuple[OrderKey, OrderKey]:
    """Keys just before the act's first operation and just after its last, in the order rule.

    ``consolidate(..., until=...)`` with them gives the plan just before and just after the act. With
    ``record`` (see ``act_record``), the days are those other acts gave it (moved, or never).
    """
    n = len(amendment.operations)
    if record is not None:
        days = [d for d in record.days if d is not None] or [amendment.in_force]
    else:
        days = [amendment.effective(i) for i in range(n)] or [amendment.in_force]
    number = act_number_order(amendment.act.number)
    return (min(days), amendment.act.date, number, -1), (max(days), amendment.act.date, number, n)


def act_record(
    base: Plan,
    amendments: Iterable[FiledAmendment],
    filed: FiledAmendment,
    *,
    drafts: Iterable[FiledAmendment] = (),
    known_on: dt.date | None = None,
) -> ActRecord | None:
    """What the acts that amend acts made of ``filed`` (its days, texts, events); None if it is not
    among the acts consolidated. Nothing is applied."""
    return _schedule(base, amendments, drafts, known_on)[1].records.get(id(filed.amendment))


def base_date(plan: Plan) -> dt.date:
    """The first day of the base version: entry into force, or adoption where that is unknown."""
    if plan.entry_into_force is UNKNOWN:
        return plan.act.date
    return in_force_date(plan.act, plan.entry_into_force)


_ACT_KINDS = frozenset(get_args(ActOperation))
_FORCE_KINDS = frozenset(get_args(ForceOperation))
_order_key = itemgetter(2)  # Scheduled.key
_tuple_new = tuple.__new__
_ONE_DAY = dt.timedelta(days=1)


def _day_of(s: Scheduled) -> dt.date:
    return s.key[0]


def _check_dates(base: Plan, start: dt.date, filed: FiledAmendment) -> tuple[dt.date, ...]:
    """The day each operation of ``filed`` takes effect as filed (``Amendment.effective``), checked against
    the plan's dates."""
    a = filed.amendment
    if a.act.date < base.act.date:
        raise DateOrder(
            f"act {a.act.number} of {a.act.date} is older than plan {base.plan} ({base.act.date}) that it amends",
            path=("act", "date"),
            file=filed.path,
        )
    entry = a.entry_into_force
    published = entry.published if type(entry) is AfterPublication else None  # an exact class: no ABC check
    if published is not None and published < a.act.date:
        raise DateOrder(
            f"act {a.act.number} is published ({published}) before it is adopted ({a.act.date})",
            path=("entry_into_force", "published"),
            file=filed.path,
        )
    in_force = a.in_force
    days = tuple([op.in_force or in_force for op in a.operations])
    if days and min(days) < start:
        i, day = next((i, day) for i, day in enumerate(days) if day < start)
        path: tuple[Any, ...]
        if a.operations[i].in_force:
            path = ("operations", i, "in_force")
        else:  # point at the date that decides it
            path = (
                "entry_into_force",
                {"on_date": "date", "after_publication": "published"}.get(a.entry_into_force.rule, "rule"),
            )
        raise DateOrder(
            f"act {a.act.number} would take effect on {day}, before plan {base.plan} is in force ({start})",
            path=path,
            file=filed.path,
        )
    return days


def _check_ambiguity(filed: Sequence[FiledAmendment]) -> None:
    seen: dict[tuple[dt.date, tuple[tuple[int, int | str], ...]], FiledAmendment] = {}
    for f in filed:
        key = (f.amendment.act.date, act_number_order(f.amendment.act.number))
        if key in seen:
            raise OrderAmbiguous(
                f"act {f.amendment.act.number} of {f.amendment.act.date} is also in {seen[key].path}",
                path=("act", "number"),
                file=f.path,
            )
        seen[key] = f


def schedule(
    base: Plan,
    amendments: Iterable[FiledAmendment],
    drafts: Iterable[FiledAmendment] = (),
    *,
    known_on: dt.date | None = None,
) -> list[Scheduled]:
    """Every operation that takes effect on ``base``, in the order rule's order.

    Adopted acts take effect; a draft only where it is passed in ``drafts`` (a preview, or ``check``
    verifying that it would apply). With ``known_on``, only acts adopted by that day count (what was
    known then). Acts that amend acts are resolved first (chains.py): their targets' operations move,
    read as corrected, or drop out, and late corrections add derived operations. Raises
    ``order-ambiguous`` and ``date-order`` errors.
    """
    return _schedule(base, amendments, drafts, known_on)[0]


def _schedule(
    base: Plan,
    amendments: Iterable[FiledAmendment],
    drafts: Iterable[FiledAmendment],
    known_on: dt.date | None,
) -> tuple[list[Scheduled], Resolution, list[FiledAmendment]]:
    chosen = {id(d.amendment) for d in drafts}
    mine = list(
        {
            id(f.amendment): f
            for f in (*amendments, *drafts)
            if f.amendment.amends == base.plan
            and (f.amendment.takes_effect or id(f.amendment) in chosen)
            and (known_on is None or f.amendment.act.date <= known_on)
        }.values()
    )
    _check_ambiguity(mine)
    start = base_date(base)
    filed_days = {id(f.amendment): _check_dates(base, start, f) for f in mine}
    resolution = resolve(mine, start, filed_days)
    steps: list[Scheduled] = []
    force: list[Scheduled] = []
    for f in mine:
        a = f.amendment
        act = a.act
        record = resolution.records[id(a)]
        days, corrected_ops, amended_by = record.days, record.operations, record.amended_by
        # one Source per act, day and amending acts, so that its citation is formatted once
        sources: dict[dt.date | tuple[dt.date, tuple[str, ...]], Source] = {}
        number = act_number_order(act.number)
        date = act.date
        for i, op in enumerate(a.operations):
            day = days[i]
            kind = type(op)
            if day is None or kind in _ACT_KINDS:
                continue  # repealed before it took effect; or resolved above, not applied to the plan
            if kind in _FORCE_KINDS:
                force.append(Scheduled(f, i, (day, act.date, number, i), Source(act, day), op))
                continue  # the plan's force, not its text: recorded as suspensions
            by = amended_by[i]
            key = (day, tuple(x.number for x in by)) if by else day
            source = sources.get(key)
            if source is None:
                source = sources[key] = Source(act, day, amended_by=by)
            # Scheduled(...) without the named tuple's generated __new__ (one per operation); the operation as
            # the acts that amend acts left it
            steps.append(_tuple_new(Scheduled, (f, i, (day, date, number, i), source, corrected_ops[i])))
    for d in resolution.derived:
        a = d.filed.amendment
        source = Source(a.act, d.day, corrects=d.corrects)
        steps.append(Scheduled(d.filed, d.index, order_of(d.day, a.act, d.index), source, d.op))
    steps.sort(key=_order_key)
    force.sort(key=_order_key)
    resolution = Resolution(
        resolution.records,
        resolution.derived,
        suspensions([(s.day, s.source.act, s.op) for s in force]),  # type: ignore[misc]
    )
    return steps, resolution, mine


def consolidate(
    base: Plan,
    amendments: Iterable[FiledAmendment],
    *,
    drafts: Iterable[FiledAmendment] = (),
    until: OrderKey | None = None,
    known_on: dt.date | None = None,
) -> Timeline:
    """Apply the acts that take effect on ``base`` in the order rule's order; one version per day.

    ``drafts`` are taken as if adopted. ``until`` stops after the last operation whose order key is at
    most ``until`` (see ``act_bounds``): the plan just before or just after one act. ``known_on``: only
    the acts adopted by that day (the plan as it was known then). Raises the first error met, placed
    inside its act's file.
    """
    if known_on is not None and known_on < base.act.date:
        raise NotInForce(
            f"plan {base.plan} was adopted on {base.act.date}, after {known_on}: nothing of it was known then"
        )
    with gc_paused():
        steps, resolution, mine = _schedule(base, amendments, drafts, known_on)
        if until is not None:
            steps = [s for s in steps if s.key <= until]
        records = sorted(
            (resolution.records[id(f.amendment)] for f in mine),
            key=lambda r: (r.act.date, act_number_order(r.act.number)),
        )
        timeline = _run(base, steps, tuple(records), known_on)
        return replace(timeline, suspensions=resolution.suspensions) if resolution.suspensions else timeline


def _run(base: Plan, steps: list[Scheduled], records: tuple[ActRecord, ...], known_on: dt.date | None) -> Timeline:
    # Each version's plan, first day and acts; made a Version once the day after it is known.
    plans = [base]
    starts = [base_date(base)]
    acts_of: list[tuple[str, ...]] = [()]
    applied: list[Applied] = []
    plan = base
    repealed_on = None
    repeal = None
    for day, batch in groupby(steps, key=_day_of):
        ops = list(batch)
        result = apply_day(plan, ops)
        if result.findings:
            raise result.findings[0]
        plan = result.plan
        applied.extend(result.applied)
        if plan.repealed is not None:
            # The repeal's own "version" is not a version in force: it ends the one before.
            repealed_on = day  # a later day's operation meets the repeal in apply: an error
            repeal = plan.repealed
            continue
        acts = tuple(dict.fromkeys([s.filed.amendment.act.number for s in ops]))
        if day == starts[-1]:  # an act in force the day the plan is (the base's own day)
            plans[-1] = plan
            acts_of[-1] += acts
        else:
            plans.append(plan)
            starts.append(day)
            acts_of.append(acts)
    ends: list[dt.date | None] = [day - _ONE_DAY for day in starts[1:]]
    ends.append(None if repealed_on is None else repealed_on - _ONE_DAY)
    versions = tuple(map(Version, plans, starts, ends, acts_of))
    return Timeline(base.plan, versions, repealed_on, tuple(applied), records, known_on, repeal)
