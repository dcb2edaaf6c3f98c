"""The order in which amendments take effect, and the dated versions of a plan that result.

THE ORDER RULE (the only place it is decided): operations take effect

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
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .acts import in_force_date
from .amendment import Amendment
from .apply import apply
from .errors import AbbreviationInUse, AbbreviationUndefined, AmendError, DateOrder, NotInForce, OrderAmbiguous
from .gc_pause import gc_paused
from .invariants import undefined_codes
from .model import Plan
from .numbers import RowNumber
from .operations import DeleteAbbreviation
from .provenance import Source
from .unknown import UNKNOWN

__all__ = ["Version", "Timeline", "FiledAmendment", "consolidate", "order_key", "base_date"]


# Operations on one row that can change what its executors cell says.
_SETS_EXECUTORS = frozenset({"replace_row", "replace_cells", "replace_words"})


@dataclass(frozen=True)
class FiledAmendment:
    """An amendment with the file it was read from (errors point into it)."""

    amendment: Amendment
    path: Path


@dataclass(frozen=True)
class Version:
    """A plan as in force from ``valid_from`` through ``valid_to`` (None: still in force)."""

    plan: Plan
    valid_from: dt.date
    valid_to: dt.date | None
    acts: tuple[str, ...]  # acts whose operations took effect on valid_from (empty for the base)


@dataclass(frozen=True)
class Timeline:
    """All versions of one plan, oldest first."""

    plan_id: str
    versions: tuple[Version, ...]
    repealed_on: dt.date | None = None
    _starts: tuple[dt.date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(v.valid_from for v in self.versions))

    def in_force_at(self, day: dt.date) -> Version:
        """The version in force on ``day`` (O(log n) over versions)."""
        first = self.versions[0].valid_from
        if day < first:
            raise NotInForce(f"plan {self.plan_id} was not yet in force on {day}: its first version is of {first}")
        if self.repealed_on is not None and day >= self.repealed_on:
            raise NotInForce(f"plan {self.plan_id} was repealed with effect from {self.repealed_on}; "
                             f"nothing of it is in force on {day}")
        return self.versions[bisect_right(self._starts, day) - 1]

    @property
    def latest(self) -> Version:
        """The newest version."""
        return self.versions[-1]


@lru_cache(maxsize=4096)
def _natural(number: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.findall(r"\d+|\D+", number))


def order_key(amendment: Amendment, index: int) -> tuple[dt.date, dt.date, tuple, int]:
    """Sort key of operation ``index`` of ``amendment`` under the order rule above."""
    return (amendment.effective(index), amendment.act.date, _natural(amendment.act.number), index)


def base_date(plan: Plan) -> dt.date:
    """The first day of the base version: entry into force, or adoption where that is unknown."""
    if plan.entry_into_force is UNKNOWN:
        return plan.act.date
    return in_force_date(plan.act, plan.entry_into_force)


def _check_dates(base: Plan, start: dt.date, filed: FiledAmendment) -> None:
    a = filed.amendment
    if a.act.date < base.act.date:
        raise DateOrder(f"act {a.act.number} of {a.act.date} is older than plan {base.plan} "
                        f"({base.act.date}) that it amends", path=("act", "date"), file=filed.path)
    rule = a.entry_into_force
    if getattr(rule, "published", a.act.date) < a.act.date:
        raise DateOrder(f"act {a.act.number} is published ({rule.published}) before it is adopted "  # type: ignore[union-attr]
                        f"({a.act.date})", path=("entry_into_force", "published"), file=filed.path)
    for i in range(len(a.operations)):
        day = a.effective(i)
        if day < start:
            if a.operations[i].in_force:
                path: tuple = ("operations", i, "in_force")
            else:  # point at the date that decides it
                path = ("entry_into_force", {"on_date": "date", "after_publication": "published"}.get(
                    a.entry_into_force.rule, "rule"))
            raise DateOrder(f"act {a.act.number} would take effect on {day}, before plan {base.plan} "
                            f"is in force ({start})", path=path, file=filed.path)


def _check_ambiguity(filed: list[FiledAmendment]) -> None:
    seen: dict[tuple, FiledAmendment] = {}
    for f in filed:
        key = (f.amendment.act.date, _natural(f.amendment.act.number))
        if key in seen:
            raise OrderAmbiguous(f"act {f.amendment.act.number} of {f.amendment.act.date} is also in "
                                 f"{seen[key].path}", path=("act", "number"), file=f.path)
        seen[key] = f


def consolidate(base: Plan, amendments: list[FiledAmendment]) -> Timeline:
    """Apply the adopted amendments of ``base`` in the order rule's order; one version per day."""
    with gc_paused():
        return _consolidate(base, amendments)


def _consolidate(base: Plan, amendments: list[FiledAmendment]) -> Timeline:
    start = base_date(base)
    mine = [f for f in amendments if f.amendment.amends == base.plan and f.amendment.status == "adopted"]
    _check_ambiguity(mine)
    for f in mine:
        _check_dates(base, start, f)
    steps = sorted(((order_key(f.amendment, i), f, i) for f in mine for i in range(len(f.amendment.operations))),
                   key=lambda s: s[0])
    versions: list[Version] = []
    plan = base
    day = start
    acts: list[str] = []
    touched: dict[RowNumber, tuple[FiledAmendment, int, tuple]] = {}  # rows changed today, and by what
    # Operations that may change codes in any row: a deleted code, words replaced plan-wide.
    sweeping: dict[str, tuple[FiledAmendment, int]] = {}
    repealed_on = None

    def close() -> None:
        # The day's changes are all in: check them, end the previous version, open this one.
        _check_codes(plan, touched, sweeping)
        if versions:
            prev = versions[-1]
            versions[-1] = Version(prev.plan, prev.valid_from, day - dt.timedelta(days=1), prev.acts)
        versions.append(Version(plan, day, None, tuple(acts)))

    sources: dict[tuple[int, dt.date], Source] = {}
    for key, filed, i in steps:
        if key[0] != day:
            close()
            day, acts, touched, sweeping = key[0], [], {}, {}
        a = filed.amendment
        op = a.operations[i]
        source = sources.get((id(a), key[0]))
        if source is None:  # one per act and day, so that its citation is formatted once
            source = sources[(id(a), key[0])] = Source(a.act, key[0])
        try:
            plan = apply(plan, op, source)
        except AmendError as err:
            err.message += f" (operation {i + 1}: {op.op})"
            raise err.within("operations", i, file=filed.path) from None
        if not acts or acts[-1] != a.act.number:  # the order rule keeps one act's steps of a day together
            acts.append(a.act.number)
        fields = op.__dict__  # plain lookups: a missing pydantic attribute costs an exception
        # Rows whose executors cell this operation may have set: their codes are checked at day's end.
        for k, row in enumerate(fields.get("rows", ())):
            touched[row.number] = (filed, i, ("rows", k, "cells"))
        if op.op in _SETS_EXECUTORS:
            if fields["row"] is not None:
                touched[fields["row"]] = (filed, i, ("cells",))
            else:
                sweeping["words"] = (filed, i)
        if isinstance(op, DeleteAbbreviation):
            sweeping["deletion"] = (filed, i)
        if plan.repealed is not None:
            repealed_on = key[0]
    close()
    if repealed_on is not None:
        # The repeal's own "version" is not a version in force: drop it, end the one before.
        versions.pop()
        last = versions[-1]
        versions[-1] = Version(last.plan, last.valid_from, repealed_on - dt.timedelta(days=1), last.acts)
    return Timeline(base.plan, tuple(versions), repealed_on)


def _check_codes(plan: Plan, touched: dict, sweeping: dict[str, tuple[FiledAmendment, int]]) -> None:
    """Executor codes must be defined on the day: in the rows changed that day, or in all rows after
    an operation that can reach any row (a code deleted, words replaced plan-wide)."""
    if sweeping:
        indices: range | list[int] = range(len(plan.rows))
    else:
        indices = [i for i, row in map(plan.rows.find, (n.parts for n in touched)) if row is not None]
    for i, column, code in undefined_codes(plan, indices):
        number = plan.rows[i].number
        where = touched.get(number)
        err = AbbreviationUndefined(f"row {number} names {code}, which the abbreviations note of plan "
                                    f"{plan.plan} does not define on that day")
        if where is not None:
            filed, op_index, path = where
            raise err.within("operations", op_index, *path, column, file=filed.path)
        if "deletion" in sweeping:
            filed, op_index = sweeping["deletion"]
            raise AbbreviationInUse(f"abbreviation {code} is deleted (operation {op_index + 1}) while row {number} "
                                    f"of plan {plan.plan} still names it").within("operations", op_index, "code",
                                                                                  file=filed.path)
        filed, op_index = sweeping["words"]
        raise err.within("operations", op_index, "new", file=filed.path)
