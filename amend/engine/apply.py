"""Applying one operation to one plan: pure, checked against the state it applies to.

``apply`` never mutates its input. It returns a new ``Plan`` whose tuples share every unchanged
row, section and abbreviation with the old one. Errors carry a path inside the operation so
that the caller can point at the exact line and column of the amendment file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from amend.engine.base import construct, evolve
from amend.engine.lookup import as_of, find_row, fits_between, inserted_uid, structure_key
from amend.engine.model import Abbreviation, Plan, Row, Section, Subsection
from amend.engine.operations import (
    ActOperation,
    AddAbbreviations,
    AddSection,
    AddSubsection,
    DeleteAbbreviation,
    DeleteRow,
    ForceOperation,
    InsertRows,
    NewRow,
    Operation,
    RepealPlan,
    ReplaceAbbreviation,
    ReplaceCells,
    ReplaceRow,
    ReplaceWords,
    SetTitle,
)
from amend.engine.provenance import (
    ChangeKind,
    Source,
    note_for_abbreviation,
    note_for_row,
    note_for_section,
    with_change,
)
from amend.engine.unknown import UNKNOWN, Text, Unknown
from amend.errors import (
    AbbreviationTaken,
    AmendError,
    ColumnsMismatch,
    NumberTaken,
    OccurrencesMismatch,
    ParentMissing,
    Repealed,
    RowOrder,
    TargetMissing,
)

__all__ = ["WordCounts", "apply", "words_in_row"]


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
            # The whole resolution and its structure (issue 15); that module builds on this one's helpers,
            # so it is imported here, not at the top.
            from amend.engine.apply_structure import apply_structure

            return apply_structure(plan, op, source)


# -- rows ------------------------------------------------------------------------------------------


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
    old = find_row(plan, op.row, op.section, source, ("row",))
    cells = _cells(plan, op.cells, ("cells",), complete=True)
    # The Russian wording of the old row is no longer the row's: only what the act gives in Russian stands.
    cells_ru = _cells(plan, op.cells_ru, ("cells_ru",), complete=False) if op.cells_ru else {}
    change = note_for_row(source, ChangeKind.REPLACED, str(op.row))
    return _with_row(plan, evolve(old, cells=cells, cells_ru=cells_ru, history=with_change(old.history, change)))


def _replace_cells(plan: Plan, op: ReplaceCells, source: Source) -> Plan:
    old = find_row(plan, op.row, op.section, source, ("row",))
    cells = _cells(plan, {**old.cells, **op.cells}, ("cells",), complete=True)
    kept_ru = {c: t for c, t in old.cells_ru.items() if c not in op.cells}
    cells_ru = _cells(plan, {**kept_ru, **op.cells_ru}, ("cells_ru",), complete=False) if op.cells_ru else kept_ru
    change = note_for_row(source, ChangeKind.CELLS_REPLACED, str(op.row))
    return _with_row(plan, evolve(old, cells=cells, cells_ru=cells_ru, history=with_change(old.history, change)))


def _delete_row(plan: Plan, op: DeleteRow, source: Source) -> Plan:
    row = find_row(plan, op.row, op.section, source, ("row",))
    change = note_for_row(source, ChangeKind.DELETED, str(op.row))
    plan = evolve(plan, rows=plan.rows.delete(op.row.parts), deleted_rows={**plan.deleted_rows, str(op.row): change})
    if row.uid is not None:  # a renumbered row: its identity goes with it
        plan = evolve(plan, renumbered={k: v for k, v in plan.renumbered.items() if k != row.uid})
    return plan


def _insert_rows(plan: Plan, op: InsertRows, source: Source) -> Plan:
    structure = plan.structure.get(op.section)
    if structure is None:
        raise TargetMissing(f"section {op.section} does not exist in {as_of(plan, source)}", path=("section",))
    if op.subsection is not None and op.subsection not in structure[1]:
        raise TargetMissing(
            f"subsection {op.subsection} does not exist in section {op.section} of {as_of(plan, source)}",
            path=("subsection",),
        )
    rows = plan.rows
    for k, new in enumerate(op.rows):
        path = ("rows", k, "number")
        taken = rows.get(new.number.parts)
        if taken is not None:
            raise NumberTaken(
                f"row {new.number} already exists in {as_of(plan, source)} (section {taken.section})", path=path
            )
        subsection: str | Unknown | None = op.subsection
        parent_number = new.number.parent
        if parent_number is not None:
            parent = plan.row(parent_number)
            where = f"subsection {op.subsection}" if op.subsection else f"section {op.section}"
            if parent is None:
                raise ParentMissing(
                    f"row {new.number} needs row {parent_number} before it, which does not "
                    f"exist in {as_of(plan, source)}",
                    path=path,
                )
            if parent.section != op.section or (
                op.subsection is not None and parent.subsection not in (op.subsection, UNKNOWN)
            ):
                raise ParentMissing(
                    f"row {new.number} goes after row {parent_number}, which is not in {where} "
                    f"of {as_of(plan, source)}",
                    path=path,
                )
            if subsection is None:
                subsection = parent.subsection
        prev, next_ = rows.neighbours(new.number.parts)
        here = structure_key(plan, op.section, subsection)
        before = structure_key(plan, prev.section, prev.subsection) if prev else (-1, -1)
        after = structure_key(plan, next_.section, next_.subsection) if next_ else (len(plan.sections), None)
        if not fits_between(before, here, after):
            raise RowOrder(
                f"row {new.number} would stand between rows of other (sub)sections "
                f"({prev.number if prev else 'start'} and {next_.number if next_ else 'end'}) "
                f"in {as_of(plan, source)}",
                path=path,
            )
        change = note_for_row(source, ChangeKind.INSERTED, str(new.number))
        uid = inserted_uid(str(new.number), source.act.number, plan.renumbered)
        row = construct(
            Row,
            number=new.number,
            section=op.section,
            subsection=subsection,
            cells=_cells(plan, new.cells, ("rows", k, "cells"), complete=True),
            history=(change,),
            cells_ru=_cells(plan, new.cells_ru, ("rows", k, "cells_ru"), complete=False) if new.cells_ru else {},
            uid=uid,
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
        scope: Iterable[Row] = (find_row(plan, op.row, op.section, source, ("row",)),)
    elif op.section is not None:
        scope = [r for r in plan.rows if r.section == op.section]
    else:
        scope = plan.rows
    counts = WordCounts()
    edits = [(row, *words_in_row(row, columns, op, counts)) for row in scope]
    problem = counts.mismatch(op)
    if problem is not None:
        text, expected, path = problem
        raise OccurrencesMismatch(
            f'"{text}" occurs {counts.found_ru if path == ("occurrences_ru",) else counts.found} time(s) in '
            f"{_scope_words(op)} of {as_of(plan, source)}, the operation expects {expected}",
            path=path,
        )
    rows = plan.rows
    for row, cells, cells_ru in edits:
        if cells != row.cells or cells_ru != row.cells_ru:
            change = note_for_row(source, ChangeKind.WORDS_REPLACED, str(row.number))
            rows = rows.replace(evolve(row, cells=cells, cells_ru=cells_ru, history=with_change(row.history, change)))
    return evolve(plan, rows=rows)


class WordCounts:
    """How often a word replacement's words occur in the known texts of its scope, in each language, and how
    many of the scope's texts no source gives (the words may hide there)."""

    __slots__ = ("found", "found_ru", "unknown", "unknown_ru")

    def __init__(self) -> None:
        self.found = self.unknown = self.found_ru = self.unknown_ru = 0

    def mismatch(self, op: ReplaceWords) -> tuple[str, int, tuple[str]] | None:
        """The words, the count expected and the operation's key, where a count is provably wrong; else None."""
        # Words may hide in a text no source gives; then only too many occurrences is provably wrong.
        if self.found > op.occurrences or (self.found < op.occurrences and not self.unknown):
            return op.old, op.occurrences, ("occurrences",)
        if op.old_ru is not None:
            expected = op.expected_ru
            if self.found_ru > expected or (self.found_ru < expected and not self.unknown_ru):
                return op.old_ru, expected, ("occurrences_ru",)
        return None


def words_in_row(
    row: Row, columns: tuple[str, ...], op: ReplaceWords, counts: WordCounts
) -> tuple[dict[str, Text], dict[str, Text]]:
    """The row's cells and Russian cells after ``op`` (its occurrences added to ``counts``).

    A Russian cell gets ``old_ru`` -> ``new_ru`` where the operation gives them; without them the Russian
    text of a changed cell changed too, in words no Kazakh operation gives: it becomes unknown."""
    for c in columns:
        text = row.cells[c]
        if text is UNKNOWN:
            counts.unknown += 1
        else:
            counts.found += text.count(op.old)
    cells = {c: (t.replace(op.old, op.new) if c in columns and t is not UNKNOWN else t) for c, t in row.cells.items()}
    if op.old_ru is None:
        cells_ru = {c: t for c, t in row.cells_ru.items() if cells[c] == row.cells[c]} if row.cells_ru else {}
        return cells, cells_ru
    old_ru, new_ru = op.old_ru, op.new_ru or ""
    known_ru = row.cells_ru
    cells_ru = dict(known_ru)
    for c in columns:
        text_ru = known_ru.get(c, UNKNOWN)
        if text_ru is UNKNOWN:
            counts.unknown_ru += 1
        else:
            counts.found_ru += text_ru.count(old_ru)
            cells_ru[c] = text_ru.replace(old_ru, new_ru)
    return cells, cells_ru


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
    for key, codes in (("entries_ru", op.entries_ru), ("codes_ru", op.codes_ru)):
        for code in codes:
            if code not in op.entries:
                raise TargetMissing(f"abbreviation {code} has a Russian text but no entry", path=(key, code))
    for code, expansion in op.entries.items():
        if code in added:
            raise AbbreviationTaken(
                f"abbreviation {code} is already in the note of {as_of(plan, source)}", path=("entries", code)
            )
        added[code] = construct(
            Abbreviation,
            expansion=expansion,
            history=(change,),
            expansion_ru=op.entries_ru.get(code, UNKNOWN),
            code_ru=op.codes_ru.get(code),
        )
    return evolve(plan, abbreviations=added)


def _existing_code(plan: Plan, code: str, source: Source) -> Abbreviation:
    if code not in plan.abbreviations:
        raise TargetMissing(f"abbreviation {code} is not in the note of {as_of(plan, source)}", path=("code",))
    return plan.abbreviations[code]


def _replace_abbreviation(plan: Plan, op: ReplaceAbbreviation, source: Source) -> Plan:
    old = _existing_code(plan, op.code, source)
    change = note_for_abbreviation(source, ChangeKind.REPLACED)
    code_ru = old.code_ru if op.code_ru is None else op.code_ru
    new = evolve(
        old,
        expansion=op.expansion,
        expansion_ru=op.expansion_ru,
        code_ru=code_ru,
        history=with_change(old.history, change),
    )
    return evolve(plan, abbreviations={**plan.abbreviations, op.code: new})


def _delete_abbreviation(plan: Plan, op: DeleteAbbreviation, source: Source) -> Plan:
    _existing_code(plan, op.code, source)
    return evolve(plan, abbreviations={c: a for c, a in plan.abbreviations.items() if c != op.code})


# -- sections --------------------------------------------------------------------------------------


def _existing_section(plan: Plan, number: str, source: Source) -> int:
    for i, s in enumerate(plan.sections):
        if s.number == number:
            return i
    raise TargetMissing(f"section {number} does not exist in {as_of(plan, source)}", path=("section",))


def _with_section(plan: Plan, i: int, section: Section) -> Plan:
    return evolve(plan, sections=plan.sections[:i] + (section,) + plan.sections[i + 1 :])


def _set_title(plan: Plan, op: SetTitle, source: Source) -> Plan:
    i = _existing_section(plan, op.section, source)
    section = plan.sections[i]
    if op.subsection is None:
        change = note_for_section(source, ChangeKind.TITLE_SET, op.section)
        return _with_section(
            plan, i, evolve(section, title=op.title, title_ru=op.title_ru, history=with_change(section.history, change))
        )
    subs = section.subsections
    j = next((j for j, s in enumerate(subs) if s.number == op.subsection), None)
    if j is None:
        raise TargetMissing(
            f"subsection {op.subsection} does not exist in section {op.section} of {as_of(plan, source)}",
            path=("subsection",),
        )
    change = note_for_section(source, ChangeKind.TITLE_SET, op.subsection)
    sub = evolve(subs[j], title=op.title, title_ru=op.title_ru, history=with_change(subs[j].history, change))
    return _with_section(plan, i, evolve(section, subsections=subs[:j] + (sub,) + subs[j + 1 :]))


def _insertion_index(numbers: list[str], after: str | None, source_plan: Plan, source: Source) -> int:
    if after is None:
        return len(numbers)
    if after not in numbers:
        raise TargetMissing(f"{after} does not exist in {as_of(source_plan, source)}", path=("after",))
    return numbers.index(after) + 1


def _add_section(plan: Plan, op: AddSection, source: Source) -> Plan:
    numbers = [s.number for s in plan.sections]
    if op.number in numbers:
        raise NumberTaken(f"section {op.number} already exists in {as_of(plan, source)}", path=("number",))
    k = _insertion_index(numbers, op.after, plan, source)
    change = note_for_section(source, ChangeKind.ADDED, op.number)
    subsections: list[Subsection] = []
    for j, new in enumerate(op.subsections):
        if any(s.number == new.number for s in subsections):
            raise NumberTaken(f"subsection {new.number} is listed twice", path=("subsections", j, "number"))
        sub_change = note_for_section(source, ChangeKind.ADDED, new.number)
        subsections.append(
            construct(Subsection, number=new.number, title=new.title, title_ru=new.title_ru, history=(sub_change,))
        )
    section = construct(
        Section,
        number=op.number,
        title=op.title,
        subsections=tuple(subsections),
        history=(change,),
        title_ru=op.title_ru,
    )
    plan = evolve(plan, sections=plan.sections[:k] + (section,) + plan.sections[k:])
    # Its rows, each placed as an insertion into the new section would place it.
    for j, placed in enumerate(op.rows):
        try:
            plan = _insert_rows(plan, _insertion(op.number, placed.subsection, placed), source)
        except AmendError as err:
            raise _moved(err, j) from None
    return plan


def _insertion(section: str, subsection: str | None, row: NewRow) -> InsertRows:
    # A trusted InsertRows of one row (the row was validated as part of its operation).
    return construct(InsertRows, op="insert_rows", section=section, subsection=subsection, rows=(row,))


def _moved(err: AmendError, j: int) -> AmendError:
    # An error of a one-row insertion, placed at that row (j) inside the operation that gave it.
    path = err.path
    if path[:2] == ("rows", 0):
        path = ("rows", j, *path[2:])
    elif path[:1] == ("subsection",):
        path = ("rows", j, "subsection")
    return type(err)(err.message, path=path)


def _add_subsection(plan: Plan, op: AddSubsection, source: Source) -> Plan:
    i = _existing_section(plan, op.section, source)
    section = plan.sections[i]
    numbers = [s.number for s in section.subsections]
    if op.number in numbers:
        raise NumberTaken(
            f"subsection {op.number} already exists in section {op.section} of {as_of(plan, source)}", path=("number",)
        )
    k = _insertion_index(numbers, op.after, plan, source)
    change = note_for_section(source, ChangeKind.ADDED, op.number)
    sub = construct(Subsection, number=op.number, title=op.title, history=(change,), title_ru=op.title_ru)
    plan = _with_section(
        plan, i, evolve(section, subsections=section.subsections[:k] + (sub,) + section.subsections[k:])
    )
    for j, new in enumerate(op.rows):
        try:
            plan = _insert_rows(plan, _insertion(op.section, op.number, new), source)
        except AmendError as err:
            raise _moved(err, j) from None
    return plan
