"""The engine step's fast path: a day's operations applied to one mutable working copy, frozen once.

``step.apply_day`` asks ``fast_day`` first. The reference (``apply.apply``, one pure operation at a time)
builds a new plan, a new chunk of rows and a new note per operation; here a day's batch edits one
transient copy (``Rows.transient``: each chunk it reaches is copied once per day, not once per
operation), the abbreviations note and the deleted rows are copied once when first written, the plan
is built once per day, and the part of a note that belongs to the act (its citation, in Kazakh and in
Russian) is formatted once per act, day and kind of change.

The fast path gives the reference's result or nothing. It returns None, and the reference runs the
whole day, when

- the day holds an operation of a kind it does not handle (any kind added later, the structure and
  resolution operations, a word replacement over a whole section or plan), or the plan is repealed;
- an operation fails in any way: the reference re-runs the day and gives the error, placed as always;
- the day's executor-code check finds anything (it looks at more rows than the reference does, so it
  can only be wrong towards a re-run).

``tests/test_fast.py`` checks, on generated corpora, that both paths give the same versions, notes,
touches and errors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from amend.engine.apply import WordCounts, _cells, words_in_row
from amend.engine.base import construct, evolve
from amend.engine.invariants import undefined_codes
from amend.engine.lookup import fits_between, inserted_uid, structure_key
from amend.engine.model import Abbreviation, Plan, Row, _executor_parts
from amend.engine.operations import (
    AddAbbreviations,
    DeleteAbbreviation,
    DeleteRow,
    InsertRows,
    Operation,
    ReplaceAbbreviation,
    ReplaceCells,
    ReplaceRow,
    ReplaceWords,
)
from amend.engine.provenance import (
    Change,
    ChangeFacts,
    ChangeKind,
    Source,
    note_for_abbreviation,
    with_change,
)
from amend.engine.rows import Transient
from amend.engine.unknown import UNKNOWN, Unknown
from amend.errors import AmendError

__all__ = ["HANDLED", "Step", "fast_day"]


class Step(Protocol):
    """What the fast path needs of a scheduled operation (``step.Scheduled``)."""

    @property
    def op(self) -> Operation: ...

    @property
    def source(self) -> Source: ...


class _Refused(Exception):
    """The fast path cannot give this day: the reference must (an error, or something it does not check)."""


class _Day:
    """The working copy of one day: the rows, and the plan's dictionaries, each copied when first written."""

    __slots__ = ("abbreviations", "changed", "deleted_rows", "deletion", "plan", "renumbered", "rows")

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.rows: Transient[Row] = plan.rows.transient()
        self.abbreviations: dict[str, Abbreviation] | None = None
        self.deleted_rows: dict[str, Change] | None = None
        self.renumbered: dict[str, str] | None = None
        # Rows written today (by number, as last written), for the executor check; an abbreviation deleted today.
        self.changed: dict[tuple[int, ...], Row] = {}
        self.deletion = False

    # -- the plan's dictionaries, copied on first write ---------------------------------------------

    def deleted(self) -> dict[str, Change]:
        if self.deleted_rows is None:
            self.deleted_rows = dict(self.plan.deleted_rows)
        return self.deleted_rows

    def note(self) -> dict[str, Abbreviation]:
        if self.abbreviations is None:
            self.abbreviations = dict(self.plan.abbreviations)
        return self.abbreviations

    def current_deleted(self) -> dict[str, Change]:
        return self.plan.deleted_rows if self.deleted_rows is None else self.deleted_rows

    def current_renumbered(self) -> dict[str, str]:
        return self.plan.renumbered if self.renumbered is None else self.renumbered

    # -- notes ------------------------------------------------------------------------------------------

    def row_change(self, source: Source, kind: ChangeKind, number: str) -> Change:
        """``note_for_row(source, kind, number)``, its facts shared by the act's changes of the kind and its
        notes formatted when first read (``ChangeFacts.of_rows``)."""
        # Kept on the source itself (one per act, day and amending acts, made by the schedule), so that
        # every operation of the act reuses it.
        by_kind: dict[ChangeKind, ChangeFacts] | None = source.__dict__.get("_fast_facts")
        if by_kind is None:
            by_kind = source.__dict__["_fast_facts"] = {}
        facts = by_kind.get(kind)
        if facts is None:
            facts = by_kind[kind] = ChangeFacts.of_rows(source, kind)
        return Change.of_row(facts, number)

    def find(self, number: Any, section: str | None) -> tuple[Row, int, int]:
        """The row numbered ``number`` (in ``section``, where given) and its place in the working copy."""
        c, j, row = self.rows.place(number.parts)
        if row is None or (section is not None and row.section != section):
            raise _Refused  # the reference says which (missing, deleted, in another section)
        return row, c, j


# -- the operations, as ``apply`` has them, on the working copy ---------------------------------------


def _replace_row(day: _Day, op: ReplaceRow, source: Source) -> None:
    old, c, j = day.find(op.row, op.section)
    plan = day.plan
    cells = _cells(plan, op.cells, ("cells",), complete=True)
    cells_ru = _cells(plan, op.cells_ru, ("cells_ru",), complete=False) if op.cells_ru else {}
    change = day.row_change(source, ChangeKind.REPLACED, str(op.row))
    day.rows.replace_at(c, j, new := old.with_cells(cells, cells_ru, change))
    day.changed[op.row.parts] = new


def _replace_cells(day: _Day, op: ReplaceCells, source: Source) -> None:
    old, c, j = day.find(op.row, op.section)
    plan = day.plan
    cells = _cells(plan, {**old.cells, **op.cells}, ("cells",), complete=True)
    kept_ru = {c: t for c, t in old.cells_ru.items() if c not in op.cells}
    cells_ru = _cells(plan, {**kept_ru, **op.cells_ru}, ("cells_ru",), complete=False) if op.cells_ru else kept_ru
    change = day.row_change(source, ChangeKind.CELLS_REPLACED, str(op.row))
    day.rows.replace_at(c, j, new := old.with_cells(cells, cells_ru, change))
    day.changed[op.row.parts] = new


def _delete_row(day: _Day, op: DeleteRow, source: Source) -> None:
    row, c, j = day.find(op.row, op.section)
    change = day.row_change(source, ChangeKind.DELETED, str(op.row))
    day.rows.delete_at(c, j)
    day.deleted()[str(op.row)] = change
    if row.uid is not None:  # a renumbered row: its identity goes with it
        day.renumbered = {k: v for k, v in day.current_renumbered().items() if k != row.uid}
    day.changed.pop(op.row.parts, None)


def _insert_rows(day: _Day, op: InsertRows, source: Source) -> None:
    plan = day.plan  # sections do not change on a day the fast path takes
    structure = plan.structure.get(op.section)
    if structure is None or (op.subsection is not None and op.subsection not in structure[1]):
        raise _Refused
    rows = day.rows
    for k, new in enumerate(op.rows):
        parts = new.number.parts
        c, j, existing = rows.place(parts)
        if existing is not None:
            raise _Refused
        subsection: str | Unknown | None = op.subsection
        if len(parts) > 1:  # 23-1 is placed after its parent, 23
            parent = rows.get(parts[:-1])
            if (
                parent is None
                or parent.section != op.section
                or (op.subsection is not None and parent.subsection not in (op.subsection, UNKNOWN))
            ):
                raise _Refused
            if subsection is None:
                subsection = parent.subsection
        prev, next_ = rows.neighbours_at(c, j)
        here = structure_key(plan, op.section, subsection)
        before = structure_key(plan, prev.section, prev.subsection) if prev else (-1, -1)
        after = structure_key(plan, next_.section, next_.subsection) if next_ else (len(plan.sections), None)
        if not fits_between(before, here, after):
            raise _Refused
        number = str(new.number)
        cells_ru = _cells(plan, new.cells_ru, ("rows", k, "cells_ru"), complete=False) if new.cells_ru else {}
        row = Row.of(
            number=new.number,
            section=op.section,
            subsection=subsection,
            cells=_cells(plan, new.cells, ("rows", k, "cells"), complete=True),
            history=(day.row_change(source, ChangeKind.INSERTED, number),),
            cells_ru=cells_ru,
            uid=inserted_uid(number, source.act.number, day.current_renumbered()),
        )
        rows.insert_at(c, j, row)
        day.changed[parts] = row
        if number in day.current_deleted():  # a deleted number used again
            del day.deleted()[number]


def _replace_words(day: _Day, op: ReplaceWords, source: Source) -> None:
    plan = day.plan
    if op.column is not None and op.column not in plan.column_ids:
        raise _Refused
    columns = (op.column,) if op.column else plan.column_ids
    if op.row is None:
        raise _Refused  # not taken (see _takes); a whole-plan replacement reads every row
    row, chunk, j = day.find(op.row, op.section)
    counts = WordCounts()
    cells, cells_ru = words_in_row(row, columns, op, counts)
    if counts.mismatch(op) is not None:
        raise _Refused
    if cells != row.cells or cells_ru != row.cells_ru:
        change = day.row_change(source, ChangeKind.WORDS_REPLACED, str(row.number))
        day.rows.replace_at(chunk, j, row := row.with_cells(cells, cells_ru, change))
    day.changed[row.number.parts] = row  # the reference checks the row it names, changed or not


def _add_abbreviations(day: _Day, op: AddAbbreviations, source: Source) -> None:
    change = note_for_abbreviation(source, ChangeKind.ADDED)
    for code in (*op.entries_ru, *op.codes_ru):
        if code not in op.entries:
            raise _Refused
    added = day.note()
    for code, expansion in op.entries.items():
        if code in added:
            raise _Refused
        added[code] = construct(
            Abbreviation,
            expansion=expansion,
            history=(change,),
            expansion_ru=op.entries_ru.get(code, UNKNOWN),
            code_ru=op.codes_ru.get(code),
        )


def _replace_abbreviation(day: _Day, op: ReplaceAbbreviation, source: Source) -> None:
    note = day.note()
    old = note.get(op.code)
    if old is None:
        raise _Refused
    change = note_for_abbreviation(source, ChangeKind.REPLACED)
    code_ru = old.code_ru if op.code_ru is None else op.code_ru
    note[op.code] = evolve(
        old,
        expansion=op.expansion,
        expansion_ru=op.expansion_ru,
        code_ru=code_ru,
        history=with_change(old.history, change),
    )


def _delete_abbreviation(day: _Day, op: DeleteAbbreviation, source: Source) -> None:
    note = day.note()
    if op.code not in note:
        raise _Refused
    del note[op.code]
    day.deletion = True


# The kinds the fast path applies, by class (exactly: a subclass is another kind, left to the reference).
_HANDLERS: dict[type[Any], Callable[[_Day, Any, Source], None]] = {
    ReplaceRow: _replace_row,
    ReplaceCells: _replace_cells,
    DeleteRow: _delete_row,
    InsertRows: _insert_rows,
    ReplaceWords: _replace_words,
    AddAbbreviations: _add_abbreviations,
    ReplaceAbbreviation: _replace_abbreviation,
    DeleteAbbreviation: _delete_abbreviation,
}
HANDLED = frozenset(_HANDLERS)


def _takes(op: Operation) -> bool:
    # A word replacement over a section or the whole plan reads every row (and its touches do too): reference.
    kind = type(op)
    return kind in _HANDLERS and (kind is not ReplaceWords or op.row is not None)  # type: ignore[union-attr]


def fast_day(plan: Plan, batch: Sequence[Step]) -> Plan | None:
    """The plan after the day's ``batch``; None where the reference must run the day (see the module's
    docstring). What each operation touched is worked out from ``plan`` when asked (``step.Applied``):
    the kinds taken here read only the plan's columns to say it, and none of them changes the columns."""
    ops = [s.op for s in batch]
    if plan.repealed is not None or not all(map(_takes, ops)):
        return None
    day = _Day(plan)
    try:
        for s, op in zip(batch, ops):
            _HANDLERS[type(op)](day, op, s.source)
    except (_Refused, AmendError):
        return None
    changes: dict[str, Any] = {"rows": day.rows.freeze()}
    if day.abbreviations is not None:
        changes["abbreviations"] = day.abbreviations
    if day.deleted_rows is not None:
        changes["deleted_rows"] = day.deleted_rows
    if day.renumbered is not None:
        changes["renumbered"] = day.renumbered
    new = evolve(plan, **changes)
    if _codes_undefined(new, day):
        return None
    return new


def _codes_undefined(plan: Plan, day: _Day) -> bool:
    """True if some executor code may be undefined at the end of the day (then the reference decides).

    It checks every row an operation named today, whole (the reference checks only the executor columns
    an operation wrote): it can only be wrong towards a re-run."""
    if day.deletion:
        return bool(undefined_codes(plan, range(len(plan.rows))))
    if not day.changed:
        return False
    executors = plan.executor_ids
    if not executors:
        return False
    note = plan.abbreviations
    for row in day.changed.values():  # each row as the day left it (a deleted row is not here)
        for c in executors:
            text = row.cells[c]
            if text is UNKNOWN:
                continue
            # model.executor_codes, asking only whether a code is missing: a part the note defines is
            # a code as it stands; otherwise each of its upper-case words is one; prose names none.
            for part, tokens in _executor_parts(text):
                if tokens and part not in note and not all(t in note for t in tokens):
                    return True
    return False
