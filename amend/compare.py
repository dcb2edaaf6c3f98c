"""The comparative table (салыстырмалы кесте) of an amendment, as data: one entry per change.

Each entry names the structural element ("1-бөлім, 6-жол", "1.2-кіші бөлім, 23-1-жол"), the wording
in force before the act, the wording after it, and a word-level redline per part (cell, title,
expansion). An element the act creates has no old wording ("жоқ"); an element whose old wording no
source gives keeps UNKNOWN parts, so that no rendering can show it as empty.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from .acts import Act
from .amendment import Amendment
from .apply import Source, apply
from .base import Frozen
from .errors import AbbreviationInUse, AbbreviationUndefined, AmendError
from .model import Plan, Row
from .numbers import RowNumber
from .operations import (
    AddAbbreviations, AddSection, AddSubsection, DeleteAbbreviation, DeleteRow, InsertRows, Operation,
    RepealPlan, ReplaceAbbreviation, ReplaceCells, ReplaceRow, ReplaceWords, SetTitle,
)
from .provenance import ChangeKind
from .redline import Segment, redline
from .invariants import undefined_codes
from .timeline import FiledAmendment, Version, consolidate, order_key
from .unknown import UNKNOWN, Text
from .yaml_io import locate

__all__ = ["Part", "PartChange", "Entry", "Comparison", "compare", "before_version", "others_than",
           "validate_in_repository", "row_element", "comparison_json"]


class Part(Frozen):
    """One piece of an element's wording: a cell (key: column id, title: its title), a code's
    expansion (key: the code, title None), or a whole title (key and title None)."""

    key: str | None = None
    title: Text | None = None
    text: Text


class PartChange(Frozen):
    """One part before and after. ``None``: the part does not exist on that side."""

    key: str | None = None
    title: Text | None = None
    old: Text | None
    new: Text | None
    # None where a side is UNKNOWN: no redline can be drawn against a text no source gives.
    redline: tuple[Segment, ...] | None

    @property
    def changed(self) -> bool:
        """False when the part reads the same before and after."""
        return self.old is UNKNOWN or self.new is UNKNOWN or self.old != self.new


class Entry(Frozen):
    """One line of the comparative table: one change to one structural element."""

    number: int                       # № р/с, from 1
    element: str                      # e.g. "1-бөлім, 6-жол"
    row: RowNumber | None = None      # the row the entry is about, if any (for links to its history)
    kind: ChangeKind
    operation: int                    # index of the operation in the act's file, from 0
    old_absent: bool                  # the element did not exist before ("жоқ")
    new_absent: bool                  # the act removes the element
    parts: tuple[PartChange, ...]
    remark: str | None = None         # what the table must add, e.g. words replaced inside unknown text

    @property
    def old_unknown(self) -> bool:
        """True when the whole old wording is unknown (none of its parts is given by a source)."""
        return not self.old_absent and all(p.old is UNKNOWN for p in self.parts)

    @property
    def new_unknown(self) -> bool:
        """True when the whole new wording is unknown."""
        return not self.new_absent and all(p.new is UNKNOWN for p in self.parts)


class Comparison(Frozen):
    """The comparative table of one act against the version it amends."""

    act: Act
    plan: str
    plan_title: Text
    status: Literal["adopted", "draft"]
    in_force: dt.date                 # the first day any of its operations takes effect
    before: dt.date                   # first day of the version the old wording is taken from
    entries: tuple[Entry, ...]


# -- elements and their wording ----------------------------------------------------------------------

def row_element(row: Row) -> str:
    """A row's structural element: "1.2-кіші бөлім, 23-1-жол", or "1-бөлім, 6-жол" where the subsection
    is none or unknown."""
    if isinstance(row.subsection, str):
        return f"{row.subsection}-кіші бөлім, {row.number}-жол"
    return f"{row.section}-бөлім, {row.number}-жол"


def _heading_element(number: str) -> str:
    # 1.2 is a subsection, 1 a section (the same reading as the generated notes).
    return f"{number}-кіші бөлім" if "." in number else f"{number}-бөлім"


def _row_parts(plan: Plan, row: Row) -> tuple[Part, ...]:
    return tuple(Part(key=c.id, title=c.title, text=row.cells[c.id]) for c in plan.columns)


def _pair(old: tuple[Part, ...] | None, new: tuple[Part, ...] | None) -> tuple[PartChange, ...]:
    """Parts of both sides matched by key, in the order of the new side (else the old)."""
    olds = {p.key: p for p in old or ()}
    news = {p.key: p for p in new or ()}
    keys = [p.key for p in new or ()] + [p.key for p in old or () if p.key not in news]
    changes = []
    for key in keys:
        o, n = olds.get(key), news.get(key)
        shape = n or o
        assert shape is not None
        old_text, new_text = (o.text if o else None), (n.text if n else None)
        if old_text is UNKNOWN or new_text is UNKNOWN:
            marks = None
        else:
            marks = redline(old_text or "", new_text or "")
        changes.append(PartChange(key=key, title=shape.title, old=old_text, new=new_text, redline=marks))
    return tuple(changes)


class _Draft:
    """Entries as they are found, numbered in that order."""

    def __init__(self) -> None:
        self.items: list[Entry] = []

    def add(self, element: str, kind: ChangeKind, op: int, old: tuple[Part, ...] | None,
            new: tuple[Part, ...] | None, remark: str | None = None, *, row: RowNumber | None = None) -> None:
        self.items.append(Entry(number=len(self.items) + 1, element=element, row=row, kind=kind, operation=op,
                                old_absent=old is None, new_absent=new is None, parts=_pair(old, new),
                                remark=remark))


def _words_instruction(op: ReplaceWords) -> str:
    # The act's own phrasing: "X" деген сөздер "Y" деген сөздермен ауыстырылсын / алып тасталсын.
    if op.new:
        return f"\"{op.old}\" деген сөздер \"{op.new}\" деген сөздермен ауыстырылсын"
    return f"\"{op.old}\" деген сөздер алып тасталсын"


def _words_scope(plan: Plan, op: ReplaceWords) -> tuple[str, list[Row], tuple[str, ...]]:
    """The element the words are replaced in, its rows (before), and its columns."""
    columns = (op.column,) if op.column else plan.column_ids
    if op.row is not None:
        row = plan.row(op.row)
        assert row is not None  # apply() has checked it
        return row_element(row), [row], columns
    if op.section is not None:
        return f"{op.section}-бөлім", [r for r in plan.rows if r.section == op.section], columns
    return "Жоспар", list(plan.rows), columns


def _record(draft: _Draft, op: Operation, i: int, before: Plan, after: Plan) -> None:
    """The entries for operation ``i``, which turned ``before`` into ``after``."""
    match op:
        case ReplaceRow() | ReplaceCells():
            old_row, new_row = before.row(op.row), after.row(op.row)
            assert old_row is not None and new_row is not None
            kind = ChangeKind.REPLACED if isinstance(op, ReplaceRow) else ChangeKind.CELLS_REPLACED
            draft.add(row_element(new_row), kind, i, _row_parts(before, old_row), _row_parts(after, new_row),
                      row=new_row.number)
        case InsertRows():
            for new in op.rows:
                row = after.row(new.number)
                assert row is not None
                draft.add(row_element(row), ChangeKind.INSERTED, i, None, _row_parts(after, row), row=row.number)
        case DeleteRow():
            row = before.row(op.row)
            assert row is not None
            draft.add(row_element(row), ChangeKind.DELETED, i, _row_parts(before, row), None, row=row.number)
        case ReplaceWords():
            element, rows, columns = _words_scope(before, op)
            for old_row in rows:
                new_row = after.row(old_row.number)
                if new_row is not None and new_row is not old_row:
                    draft.add(row_element(new_row), ChangeKind.WORDS_REPLACED, i,
                              _row_parts(before, old_row), _row_parts(after, new_row), _words_instruction(op),
                              row=new_row.number)
            known = sum(r.cells[c].count(op.old) for r in rows for c in columns if r.cells[c] is not UNKNOWN)
            if known < op.occurrences:
                # The rest of the occurrences are in text no source gives: say so, do not drop them.
                hidden = op.occurrences - known
                draft.add(element, ChangeKind.WORDS_REPLACED, i, (Part(text=UNKNOWN),), (Part(text=UNKNOWN),),
                          f"{_words_instruction(op)}: {hidden} жағдайы мәтіні белгісіз бөлікте",
                          row=op.row)
        case AddAbbreviations():
            for code, expansion in op.entries.items():
                draft.add(f"Ескертпе, {code}", ChangeKind.ADDED, i, None, (Part(key=code, text=expansion),))
        case ReplaceAbbreviation():
            old = before.abbreviations[op.code].expansion
            draft.add(f"Ескертпе, {op.code}", ChangeKind.REPLACED, i, (Part(key=op.code, text=old),),
                      (Part(key=op.code, text=op.expansion),))
        case DeleteAbbreviation():
            old = before.abbreviations[op.code].expansion
            draft.add(f"Ескертпе, {op.code}", ChangeKind.DELETED, i, (Part(key=op.code, text=old),), None)
        case SetTitle():
            number = op.subsection or op.section
            section = before.section(op.section)
            assert section is not None
            holder = section.subsection(op.subsection) if op.subsection else section
            assert holder is not None
            draft.add(f"{_heading_element(number)} атауы", ChangeKind.TITLE_SET, i, (Part(text=holder.title),),
                      (Part(text=op.title),))
        case AddSection() | AddSubsection():
            draft.add(_heading_element(op.number), ChangeKind.ADDED, i, None, (Part(text=op.title),))
        case RepealPlan():
            draft.add("Жоспар", ChangeKind.REPEALED, i, (Part(text=before.title),), None)


# -- applying -----------------------------------------------------------------------------------------

def compare(amendment: Amendment, before: Version, path: Path | str | None = None) -> Comparison:
    """Apply ``amendment`` on top of ``before`` and tabulate each change.

    Raises the first ``AmendError`` the act meets (placed in ``path`` at file:line:col), including
    executor codes the note does not define once all its operations are applied.
    """
    n = len(amendment.operations)
    plan = before.plan
    draft = _Draft()
    touched: dict[str, tuple[int, tuple]] = {}   # row number -> (operation, path to its cells)
    deleted_code: int | None = None              # an operation that deleted a code, if any
    for i in sorted(range(n), key=lambda k: order_key(amendment, k)):
        op = amendment.operations[i]
        try:
            after = apply(plan, op, Source(amendment.act, amendment.effective(i)))
        except AmendError as err:
            err.message += f" (operation {i + 1}: {op.op})"
            raise _placed(err.within("operations", i), path) from None
        _record(draft, op, i, plan, after)
        plan = after
        for k, row in enumerate(getattr(op, "rows", ())):
            touched[str(row.number)] = (i, ("rows", k, "cells"))
        if getattr(op, "row", None) is not None:
            touched[str(op.row)] = (i, ("cells",))
        if isinstance(op, DeleteAbbreviation):
            deleted_code = i
    _check_codes(plan, touched, deleted_code, path)
    first = min((amendment.effective(i) for i in range(n)), default=amendment.in_force)
    return Comparison(act=amendment.act, plan=before.plan.plan, plan_title=before.plan.title,
                      status=amendment.status, in_force=first, before=before.valid_from, entries=tuple(draft.items))


def _check_codes(plan: Plan, touched: dict[str, tuple[int, tuple]], deleted_code: int | None,
                 path: Path | str | None) -> None:
    """The engine's rule (timeline.py): once the act's changes are in, the executor codes of the rows it
    touched (of every row, if it deleted a code) are defined in the note."""
    indices = [i for i, row in enumerate(plan.rows) if deleted_code is not None or str(row.number) in touched]
    for i, column, code in undefined_codes(plan, indices):
        number = str(plan.rows[i].number)
        if number in touched:
            op, cells = touched[number]
            err: AmendError = AbbreviationUndefined(
                f"row {number} names {code}, which the abbreviations note of plan {plan.plan} does not define "
                f"once the act is applied").within("operations", op, *cells, column)
        else:
            assert deleted_code is not None  # an untouched row can only lose a code to a deletion
            err = AbbreviationInUse(f"abbreviation {code} is deleted (operation {deleted_code + 1}) while row "
                                    f"{number} of plan {plan.plan} still names it").within(
                                        "operations", deleted_code, "code")
        raise _placed(err, path)


def _placed(err: AmendError, path: Path | str | None) -> AmendError:
    if path is None:
        return err
    if err.file is None:
        err.file = str(path)
    return locate(err)


def others_than(amendments: tuple[FiledAmendment, ...] | list[FiledAmendment], path: Path,
                amendment: Amendment) -> list[FiledAmendment]:
    """The filed amendments without this one: not the same file, nor the same act of the same plan."""
    me = (amendment.amends, amendment.act.number, amendment.act.date)
    resolved = path.resolve()
    return [f for f in amendments
            if f.path.resolve() != resolved
            and (f.amendment.amends, f.amendment.act.number, f.amendment.act.date) != me]


def before_version(base: Plan, others: list[FiledAmendment], amendment: Amendment,
                   at: dt.date | None = None, *, latest: bool = False) -> Version:
    """The version the act's old wording comes from, in the timeline of the other amendments.

    By default the version in force the day before the act first takes effect; ``at``: the version in
    force that day; ``latest``: the newest version (a draft previewed against the current text).
    """
    timeline = consolidate(base, others)
    if latest:
        return timeline.latest
    if at is None:
        n = len(amendment.operations)
        first = min((amendment.effective(i) for i in range(n)), default=amendment.in_force)
        at = first - dt.timedelta(days=1)
    return timeline.in_force_at(at)


def validate_in_repository(base: Plan, others: list[FiledAmendment], filed: FiledAmendment) -> list[AmendError]:
    """What ``amend check`` would report of this act if it were adopted beside the others (its own dates
    decide where it falls in the order rule)."""
    as_adopted = FiledAmendment(filed.amendment.model_copy(update={"status": "adopted"}), filed.path)
    adopted = [f for f in others if f.amendment.status == "adopted"]
    try:
        consolidate(base, adopted + [as_adopted])
    except AmendError as err:
        return [locate(err)]
    return []



def comparison_json(comparison: Comparison) -> dict:
    """The table as JSON-ready data: UNKNOWN is null, and each side's state is said in words
    (old: absent | unknown | given; new: removed | unknown | given) so null is never read as empty."""
    data = comparison.model_dump(mode="json")
    for entry, out in zip(comparison.entries, data["entries"]):
        out["old_state"] = "absent" if entry.old_absent else "unknown" if entry.old_unknown else "given"
        out["new_state"] = "removed" if entry.new_absent else "unknown" if entry.new_unknown else "given"
    return data
