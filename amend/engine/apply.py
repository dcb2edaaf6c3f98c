"""Applying one operation to one plan: pure, checked against the state it applies to.

``apply`` never mutates its input. It returns a new ``Plan`` whose tuples share every unchanged
row, section and abbreviation with the old one. Errors carry a path inside the operation so
that the caller can point at the exact line and column of the amendment file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, assert_never

from amend.engine.base import construct, evolve
from amend.engine.model import Abbreviation, Plan, Row, Section, Subsection
from amend.engine.numbers import RowNumber
from amend.engine.operations import (
    ActOperation,
    AddAbbreviations,
    AddSection,
    AddSubsection,
    DeleteAbbreviation,
    DeleteRow,
    ForceOperation,
    InsertRows,
    Operation,
    RepealPlan,
    ReplaceAbbreviation,
    ReplaceCells,
    ReplaceRow,
    ReplaceWords,
    SetTitle,
)
from amend.engine.provenance import ChangeKind, Source, note_for_abbreviation, note_for_row, note_for_section
from amend.engine.unknown import UNKNOWN, Text
from amend.errors import (
    AbbreviationTaken,
    ColumnsMismatch,
    NumberTaken,
    OccurrencesMismatch,
    ParentMissing,
    Repealed,
    RowOrder,
    TargetDeleted,
    TargetMissing,
)

__all__ = ["Source", "apply"]


def apply(plan: Plan, op: Operation, source: Source) -> Plan:
    """The plan after ``op``; raises an ``AmendError`` subclass if ``op`` does not fit ``plan``."""
    if isinstance(op, ActOperation | ForceOperation):  # resolved by the schedule (chains.py, timeline.py)
        raise TypeError(f"{op.op} does not change the plan's text: timeline.schedule resolves it")
    if plan.repealed is not None:
        raise Repealed(
            f"plan {plan.plan} was repealed by act {plan.repealed.act} in force {plan.repealed.in_force}", path=("op",)
        )
    match op:
        case ReplaceRow():
            return _replace_row(plan, op, source)
        case InsertRows():
            return _insert_rows(plan, op, source)
        case DeleteRow():
            return _delete_row(plan, op, source)
        case ReplaceCells():
            return _replace_cells(plan, op, source)
        case ReplaceWords():
            return _replace_words(plan, op, source)
        case AddAbbreviations():
            return _add_abbreviations(plan, op, source)
        case ReplaceAbbreviation():
            return _replace_abbreviation(plan, op, source)
        case DeleteAbbreviation():
            return _delete_abbreviation(plan, op, source)
        case SetTitle():
            return _set_title(plan, op, source)
        case AddSection():
            return _add_section(plan, op, source)
        case AddSubsection():
            return _add_subsection(plan, op, source)
        case RepealPlan():
            change = note_for_section(source, ChangeKind.REPEALED, "")
            return evolve(plan, repealed=change)
        case _:
            assert_never(op)


# -- rows ------------------------------------------------------------------------------------------


def _as_of(plan: Plan, source: Source) -> str:
    return f"plan {plan.plan} as of {source.in_force}"


def _find_row(plan: Plan, number: RowNumber, section: str | None, source: Source, path: tuple[Any, ...]) -> Row:
    """An existing row, checked to be in ``section`` when the operation names one."""
    row = plan.rows.get(number.parts)
    if row is None:
        where = f" in section {section}" if section else ""
        deleted = plan.deleted_rows.get(str(number))
        if deleted:
            raise TargetDeleted(
                f"row {number} does not exist{where} of {_as_of(plan, source)}: act {deleted.act} "
                f"deleted it, in force {deleted.in_force}",
                path=path,
            )
        raise TargetMissing(f"row {number} does not exist{where} of {_as_of(plan, source)}", path=path)
    if section is not None and row.section != section:
        raise TargetMissing(
            f"row {number} is in section {row.section}, not in section {section}, of {_as_of(plan, source)}",
            path=("section",),
        )
    return row


def _cells(plan: Plan, cells: dict[str, Text], path: tuple[Any, ...], *, complete: bool) -> dict[str, Text]:
    """Cells checked against the plan's columns and put in column order (for stable output)."""
    ids = plan.column_ids
    if complete and tuple(cells) == ids:
        return cells  # already whole and in order (the usual case): share it
    unknown = [c for c in cells if c not in ids]
    missing = [c for c in ids if c not in cells] if complete else []
    if unknown or missing:
        bits = []
        if unknown:
            bits.append(f"plan {plan.plan} has no column {', '.join(unknown)}")
        if missing:
            bits.append(f"missing column {', '.join(missing)}")
        raise ColumnsMismatch("; ".join(bits) + f" (columns: {', '.join(ids)})", path=path)
    return {c: cells[c] for c in ids if c in cells}


def _with_row(plan: Plan, row: Row) -> Plan:
    return evolve(plan, rows=plan.rows.replace(row))


def _replace_row(plan: Plan, op: ReplaceRow, source: Source) -> Plan:
    old = _find_row(plan, op.row, op.section, source, ("row",))
    cells = _cells(plan, op.cells, ("cells",), complete=True)
    change = note_for_row(source, ChangeKind.REPLACED, str(op.row))
    return _with_row(plan, evolve(old, cells=cells, history=old.history + (change,)))


def _replace_cells(plan: Plan, op: ReplaceCells, source: Source) -> Plan:
    old = _find_row(plan, op.row, op.section, source, ("row",))
    cells = _cells(plan, {**old.cells, **op.cells}, ("cells",), complete=True)
    change = note_for_row(source, ChangeKind.CELLS_REPLACED, str(op.row))
    return _with_row(plan, evolve(old, cells=cells, history=old.history + (change,)))


def _delete_row(plan: Plan, op: DeleteRow, source: Source) -> Plan:
    _find_row(plan, op.row, op.section, source, ("row",))
    change = note_for_row(source, ChangeKind.DELETED, str(op.row))
    return evolve(plan, rows=plan.rows.delete(op.row.parts), deleted_rows={**plan.deleted_rows, str(op.row): change})


def _structure_key(plan: Plan, section: str, subsection: object) -> tuple[int, int | None]:
    """Where a (sub)section stands in the document; None where the subsection is unknown."""
    sec, subs = plan.structure[section]
    if subsection is UNKNOWN:
        return sec, None
    if subsection is None:
        return sec, -1  # rows in no subsection come before the section's subsections
    return sec, subs[subsection]


def _fits_between(before: tuple[int, int | None], here: tuple[int, int | None], after: tuple[int, int | None]) -> bool:
    """True if ``here`` may stand between ``before`` and ``after`` in document order."""

    def le(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
        if a[0] != b[0] or a[1] is None or b[1] is None:
            return a[0] <= b[0]
        return a[1] <= b[1]

    return le(before, here) and le(here, after)


def _insert_rows(plan: Plan, op: InsertRows, source: Source) -> Plan:
    structure = plan.structure.get(op.section)
    if structure is None:
        raise TargetMissing(f"section {op.section} does not exist in {_as_of(plan, source)}", path=("section",))
    if op.subsection is not None and op.subsection not in structure[1]:
        raise TargetMissing(
            f"subsection {op.subsection} does not exist in section {op.section} of {_as_of(plan, source)}",
            path=("subsection",),
        )
    rows = plan.rows
    for k, new in enumerate(op.rows):
        path = ("rows", k, "number")
        taken = rows.get(new.number.parts)
        if taken is not None:
            raise NumberTaken(
                f"row {new.number} already exists in {_as_of(plan, source)} (section {taken.section})", path=path
            )
        subsection: object = op.subsection
        parent_number = new.number.parent
        if parent_number is not None:
            parent = plan.row(parent_number)
            where = f"subsection {op.subsection}" if op.subsection else f"section {op.section}"
            if parent is None:
                raise ParentMissing(
                    f"row {new.number} needs row {parent_number} before it, which does not "
                    f"exist in {_as_of(plan, source)}",
                    path=path,
                )
            if parent.section != op.section or (
                op.subsection is not None and parent.subsection not in (op.subsection, UNKNOWN)
            ):
                raise ParentMissing(
                    f"row {new.number} goes after row {parent_number}, which is not in {where} "
                    f"of {_as_of(plan, source)}",
                    path=path,
                )
            if subsection is None:
                subsection = parent.subsection
        prev, next_ = rows.neighbours(new.number.parts)
        here = _structure_key(plan, op.section, subsection)
        before = _structure_key(plan, prev.section, prev.subsection) if prev else (-1, -1)
        after = _structure_key(plan, next_.section, next_.subsection) if next_ else (len(plan.sections), None)
        if not _fits_between(before, here, after):
            raise RowOrder(
                f"row {new.number} would stand between rows of other (sub)sections "
                f"({prev.number if prev else 'start'} and {next_.number if next_ else 'end'}) "
                f"in {_as_of(plan, source)}",
                path=path,
            )
        change = note_for_row(source, ChangeKind.INSERTED, str(new.number))
        row = construct(
            Row,
            number=new.number,
            section=op.section,
            subsection=subsection,
            cells=_cells(plan, new.cells, ("rows", k, "cells"), complete=True),
            history=(change,),
        )
        rows = rows.insert(row)
        if str(new.number) in plan.deleted_rows:  # a deleted number used again
            plan = evolve(
                plan, rows=rows, deleted_rows={n: c for n, c in plan.deleted_rows.items() if n != str(new.number)}
            )
        else:
            plan = evolve(plan, rows=rows)
    return plan


def _replace_words(plan: Plan, op: ReplaceWords, source: Source) -> Plan:
    if op.column is not None and op.column not in plan.column_ids:
        raise ColumnsMismatch(
            f"plan {plan.plan} has no column {op.column} (columns: {', '.join(plan.column_ids)})", path=("column",)
        )
    columns = (op.column,) if op.column else plan.column_ids
    if op.row is not None:
        scope: Iterable[Row] = (_find_row(plan, op.row, op.section, source, ("row",)),)
    elif op.section is not None:
        scope = [r for r in plan.rows if r.section == op.section]
    else:
        scope = plan.rows
    found = 0
    unknown_in_scope = 0
    for row in scope:
        for c in columns:
            text = row.cells[c]
            if text is UNKNOWN:
                unknown_in_scope += 1
            else:
                found += text.count(op.old)
    # Words may hide in a text no source gives; then only too many occurrences is provably wrong.
    if found > op.occurrences or (found < op.occurrences and not unknown_in_scope):
        raise OccurrencesMismatch(
            f'"{op.old}" occurs {found} time(s) in {_scope_words(op)} of {_as_of(plan, source)}, '
            f"the operation expects {op.occurrences}",
            path=("occurrences",),
        )
    rows = plan.rows
    for row in scope:
        cells = {
            c: (t.replace(op.old, op.new) if c in columns and t is not UNKNOWN else t) for c, t in row.cells.items()
        }
        if cells != row.cells:
            change = note_for_row(source, ChangeKind.WORDS_REPLACED, str(row.number))
            rows = rows.replace(evolve(row, cells=cells, history=row.history + (change,)))
    return evolve(plan, rows=rows)


def _scope_words(op: ReplaceWords) -> str:
    if op.row is not None:
        return f"row {op.row}" + (f", column {op.column}" if op.column else "")
    if op.column is not None:
        return f"column {op.column}"
    return f"section {op.section}" if op.section else "the whole plan"


# -- the abbreviations note ------------------------------------------------------------------------


def _add_abbreviations(plan: Plan, op: AddAbbreviations, source: Source) -> Plan:
    change = note_for_abbreviation(source, ChangeKind.ADDED)
    added = dict(plan.abbreviations)
    for code, expansion in op.entries.items():
        if code in added:
            raise AbbreviationTaken(
                f"abbreviation {code} is already in the note of {_as_of(plan, source)}", path=("entries", code)
            )
        added[code] = construct(Abbreviation, expansion=expansion, history=(change,))
    return evolve(plan, abbreviations=added)


def _existing_code(plan: Plan, code: str, source: Source) -> Abbreviation:
    if code not in plan.abbreviations:
        raise TargetMissing(f"abbreviation {code} is not in the note of {_as_of(plan, source)}", path=("code",))
    return plan.abbreviations[code]


def _replace_abbreviation(plan: Plan, op: ReplaceAbbreviation, source: Source) -> Plan:
    old = _existing_code(plan, op.code, source)
    change = note_for_abbreviation(source, ChangeKind.REPLACED)
    new = evolve(old, expansion=op.expansion, history=old.history + (change,))
    return evolve(plan, abbreviations={**plan.abbreviations, op.code: new})


def _delete_abbreviation(plan: Plan, op: DeleteAbbreviation, source: Source) -> Plan:
    _existing_code(plan, op.code, source)
    return evolve(plan, abbreviations={c: a for c, a in plan.abbreviations.items() if c != op.code})


# -- sections --------------------------------------------------------------------------------------


def _existing_section(plan: Plan, number: str, source: Source) -> int:
    for i, s in enumerate(plan.sections):
        if s.number == number:
            return i
    raise TargetMissing(f"section {number} does not exist in {_as_of(plan, source)}", path=("section",))


def _with_section(plan: Plan, i: int, section: Section) -> Plan:
    return evolve(plan, sections=plan.sections[:i] + (section,) + plan.sections[i + 1 :])


def _set_title(plan: Plan, op: SetTitle, source: Source) -> Plan:
    i = _existing_section(plan, op.section, source)
    section = plan.sections[i]
    if op.subsection is None:
        change = note_for_section(source, ChangeKind.TITLE_SET, op.section)
        return _with_section(plan, i, evolve(section, title=op.title, history=section.history + (change,)))
    subs = section.subsections
    j = next((j for j, s in enumerate(subs) if s.number == op.subsection), None)
    if j is None:
        raise TargetMissing(
            f"subsection {op.subsection} does not exist in section {op.section} of {_as_of(plan, source)}",
            path=("subsection",),
        )
    change = note_for_section(source, ChangeKind.TITLE_SET, op.subsection)
    sub = evolve(subs[j], title=op.title, history=subs[j].history + (change,))
    return _with_section(plan, i, evolve(section, subsections=subs[:j] + (sub,) + subs[j + 1 :]))


def _insertion_index(numbers: list[str], after: str | None, source_plan: Plan, source: Source) -> int:
    if after is None:
        return len(numbers)
    if after not in numbers:
        raise TargetMissing(f"{after} does not exist in {_as_of(source_plan, source)}", path=("after",))
    return numbers.index(after) + 1


def _add_section(plan: Plan, op: AddSection, source: Source) -> Plan:
    numbers = [s.number for s in plan.sections]
    if op.number in numbers:
        raise NumberTaken(f"section {op.number} already exists in {_as_of(plan, source)}", path=("number",))
    k = _insertion_index(numbers, op.after, plan, source)
    change = note_for_section(source, ChangeKind.ADDED, op.number)
    section = construct(Section, number=op.number, title=op.title, subsections=(), history=(change,))
    return evolve(plan, sections=plan.sections[:k] + (section,) + plan.sections[k:])


def _add_subsection(plan: Plan, op: AddSubsection, source: Source) -> Plan:
    i = _existing_section(plan, op.section, source)
    section = plan.sections[i]
    numbers = [s.number for s in section.subsections]
    if op.number in numbers:
        raise NumberTaken(
            f"subsection {op.number} already exists in section {op.section} of {_as_of(plan, source)}", path=("number",)
        )
    k = _insertion_index(numbers, op.after, plan, source)
    change = note_for_section(source, ChangeKind.ADDED, op.number)
    sub = construct(Subsection, number=op.number, title=op.title, history=(change,))
    return _with_section(
        plan, i, evolve(section, subsections=section.subsections[:k] + (sub,) + section.subsections[k:])
    )
