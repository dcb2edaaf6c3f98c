"""The plan editor's handlers for rows: replaced, cells replaced, deleted, inserted, words replaced; and the
one rule of where a row may stand (``check_fits``), which insertions, moves and renumberings share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from amend.engine.base import evolve
from amend.engine.lookup import as_of, inserted_uid, structure_key
from amend.engine.model import Plan, Row, RowPlace
from amend.engine.numbers import RowNumber
from amend.engine.operations import DeleteRow, InsertRows, ReplaceCells, ReplaceRow, ReplaceWords
from amend.engine.provenance import ChangeKind, Source
from amend.engine.unknown import UNKNOWN, Text, Unknown
from amend.errors import ColumnsMismatch, NumberTaken, OccurrencesMismatch, ParentMissing, RowOrder, TargetMissing

if TYPE_CHECKING:
    from amend.engine.editor_state import WorkingCopy

__all__ = [
    "WordCounts",
    "check_fits",
    "checked_cells",
    "delete_row",
    "free_place",
    "insert_rows",
    "relocate_row",
    "replace_cells",
    "replace_row",
    "replace_words",
    "words_in_row",
]


def checked_cells(plan: Plan, cells: dict[str, Text], path: tuple[Any, ...], *, complete: bool) -> dict[str, Text]:
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


def replace_row(editor: WorkingCopy, op: ReplaceRow, source: Source) -> None:
    """ "N-жол мынадай редакцияда": every cell in new wording."""
    old, c, j = editor.find_row(op.row, op.section, source, ("row",))
    plan = editor.frame
    cells = checked_cells(plan, op.cells, ("cells",), complete=True)
    # The Russian wording of the old row is no longer the row's: only what the act gives in Russian stands.
    cells_ru = checked_cells(plan, op.cells_ru, ("cells_ru",), complete=False) if op.cells_ru else {}
    change = editor.row_change(source, ChangeKind.REPLACED, str(op.row))
    editor.rows.replace_at(c, j, new := old.with_cells(cells, cells_ru, change))
    editor.written[op.row.parts] = new


def replace_cells(editor: WorkingCopy, op: ReplaceCells, source: Source) -> None:
    """Some cells of a row in new wording (their Russian wording goes unless the act gives it)."""
    old, c, j = editor.find_row(op.row, op.section, source, ("row",))
    plan = editor.frame
    cells = checked_cells(plan, {**old.cells, **op.cells}, ("cells",), complete=True)
    kept_ru = {k: t for k, t in old.cells_ru.items() if k not in op.cells} if old.cells_ru else {}
    cells_ru = (
        checked_cells(plan, {**kept_ru, **op.cells_ru}, ("cells_ru",), complete=False) if op.cells_ru else kept_ru
    )
    change = editor.row_change(source, ChangeKind.CELLS_REPLACED, str(op.row))
    editor.rows.replace_at(c, j, new := old.with_cells(cells, cells_ru, change))
    # The day's executor check reads the rows whose executors an operation wrote, as the day leaves them.
    parts = op.row.parts
    if parts in editor.written or not op.cells.keys().isdisjoint(plan.executor_ids):
        editor.written[parts] = new


def delete_row(editor: WorkingCopy, op: DeleteRow, source: Source) -> None:
    """A row struck out; its number is recorded as deleted by the act."""
    row, c, j = editor.find_row(op.row, op.section, source, ("row",))
    editor.rows.delete_at(c, j)
    editor.deleted_rows_to_write()[str(op.row)] = editor.row_change(source, ChangeKind.DELETED, str(op.row))
    if row.uid is not None:  # a renumbered row: its identity goes with it
        editor.set_renumbered({k: v for k, v in editor.renumbered.items() if k != row.uid})
    editor.written.pop(op.row.parts, None)


def insert_rows(editor: WorkingCopy, op: InsertRows, source: Source) -> None:
    """New rows, each placed by its number (after its parent, 23 before 23-1) in the section it names."""
    plan = editor.frame
    structure = plan.structure.get(op.section)
    if structure is None:
        raise TargetMissing(f"section {op.section} does not exist in {as_of(plan, source)}", path=("section",))
    if op.subsection is not None and op.subsection not in structure[1]:
        raise TargetMissing(
            f"subsection {op.subsection} does not exist in section {op.section} of {as_of(plan, source)}",
            path=("subsection",),
        )
    rows = editor.rows
    for k, new in enumerate(op.rows):
        path = ("rows", k, "number")
        place = free_place(editor, new.number, source, path)
        subsection: str | Unknown | None = op.subsection
        parts = new.number.parts
        if len(parts) > 1:  # 23-1 goes after its parent, 23
            parent = rows.get(parts[:-1])
            if parent is None:
                raise ParentMissing(
                    f"row {new.number} needs row {new.number.parent} before it, which does not "
                    f"exist in {as_of(plan, source)}",
                    path=path,
                )
            if parent.section != op.section or (
                op.subsection is not None and parent.subsection not in (op.subsection, UNKNOWN)
            ):
                where = f"subsection {op.subsection}" if op.subsection else f"section {op.section}"
                raise ParentMissing(
                    f"row {new.number} goes after row {new.number.parent}, which is not in {where} "
                    f"of {as_of(plan, source)}",
                    path=path,
                )
            if subsection is None:
                subsection = parent.subsection
        check_fits(editor, place, new.number, source, path, section=op.section, subsection=subsection)
        number = str(new.number)
        row = Row.placed(
            RowPlace(new.number, op.section, subsection, inserted_uid(number, source.act.number, editor.renumbered)),
            checked_cells(plan, new.cells, ("rows", k, "cells"), complete=True),
            (editor.row_change(source, ChangeKind.INSERTED, number),),
            checked_cells(plan, new.cells_ru, ("rows", k, "cells_ru"), complete=False) if new.cells_ru else {},
        )
        rows.insert_at(*place, row)
        editor.written[parts] = row
        if number in editor.deleted_rows:  # a deleted number used again
            del editor.deleted_rows_to_write()[number]


def free_place(editor: WorkingCopy, number: RowNumber, source: Source, path: tuple[Any, ...]) -> tuple[int, int]:
    """Where a row numbered ``number`` goes (a place for ``Transient.insert_at``); the number must be free."""
    c, j, taken = editor.rows.place(number.parts)
    if taken is not None:
        raise NumberTaken(
            f"row {number} already exists in {as_of(editor.frame, source)} (section {taken.section})", path=path
        )
    return c, j


def check_fits(
    editor: WorkingCopy,
    place: tuple[int, int],
    number: RowNumber,
    source: Source,
    path: tuple[Any, ...],
    *,
    section: str,
    subsection: str | Unknown | None,
) -> None:
    """A row of that (sub)section at ``place`` (``free_place``'s) must stand between rows of its own or neighbouring
    (sub)sections in document order: the one rule of where a row may stand, for insertions, moves and
    renumberings."""
    plan = editor.frame
    prev, next_ = editor.rows.neighbours_at(*place)
    if (
        prev is not None
        and next_ is not None
        and prev.section == section == next_.section
        and prev.subsection == subsection == next_.subsection
    ):
        return  # between two rows of its own (sub)section: the usual insertion
    here = structure_key(plan, section, subsection)
    before = structure_key(plan, prev.section, prev.subsection) if prev else (-1, -1)
    after = structure_key(plan, next_.section, next_.subsection) if next_ else (len(plan.sections), None)
    if not (_not_after(before, here) and _not_after(here, after)):
        raise RowOrder(
            f"row {number} would stand between rows of other (sub)sections "
            f"({prev.number if prev else 'start'} and {next_.number if next_ else 'end'}) in {as_of(plan, source)}",
            path=path,
        )


def _not_after(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    # A subsection that is not known (None) fits anywhere in its section.
    if a[0] != b[0] or a[1] is None or b[1] is None:
        return a[0] <= b[0]
    return a[1] <= b[1]


def replace_words(editor: WorkingCopy, op: ReplaceWords, source: Source) -> None:
    """Words replaced in the cells of the operation's scope (``ReplaceWords.in_scope``), counted first."""
    plan = editor.frame
    if op.column is not None and op.column not in plan.column_ids:
        raise ColumnsMismatch(
            f"plan {plan.plan} has no column {op.column} (columns: {', '.join(plan.column_ids)})", path=("column",)
        )
    columns = op.columns(plan.column_ids)
    counts = WordCounts()
    if op.row is not None:  # one row: no list of edits to build
        row, c, j = editor.find_row(op.row, op.section, source, ("row",))
        cells, cells_ru = words_in_row(row, columns, op, counts)
        _check_counts(counts, op, plan, source)
        if cells != row.cells or cells_ru != row.cells_ru:
            change = editor.row_change(source, ChangeKind.WORDS_REPLACED, str(row.number))
            editor.rows.replace_at(c, j, row := row.with_cells(cells, cells_ru, change))
        # The day's executor check reads it, changed or not, where its scope holds an executor column (as its
        # touches say), or as the day leaves it where an earlier operation wrote it.
        parts = row.number.parts
        if parts in editor.written or not set(plan.executor_ids).isdisjoint(columns):
            editor.written[parts] = row
        return
    edits = [(row, *words_in_row(row, columns, op, counts)) for row in editor.rows if op.in_scope(row)]
    _check_counts(counts, op, plan, source)
    for row, cells, cells_ru in edits:
        touched = op.holds_words(row, columns)  # what its touches name, as the plan stood before it
        if cells != row.cells or cells_ru != row.cells_ru:
            change = editor.row_change(source, ChangeKind.WORDS_REPLACED, str(row.number))
            editor.rows.replace(row := row.with_cells(cells, cells_ru, change))
        if touched:
            editor.written[row.number.parts] = row


def _check_counts(counts: WordCounts, op: ReplaceWords, plan: Plan, source: Source) -> None:
    problem = counts.mismatch(op)
    if problem is not None:
        text, expected, path = problem
        raise OccurrencesMismatch(
            f'"{text}" occurs {counts.found_ru if path == ("occurrences_ru",) else counts.found} time(s) in '
            f"{op.scope_words()} of {as_of(plan, source)}, the operation expects {expected}",
            path=path,
        )


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
    old, new = op.old, op.new
    cells = dict(row.cells)  # the row's order of columns kept
    for c in columns:
        text = cells[c]
        if text is UNKNOWN:
            counts.unknown += 1
        else:
            counts.found += text.count(old)
            cells[c] = text.replace(old, new)
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


def relocate_row(editor: WorkingCopy, old: Row, new: Row, source: Source, path: tuple[Any, ...]) -> None:
    """``old`` taken out and ``new`` (the same row, renumbered or moved) put in, its identity kept."""
    _, c, j = editor.find_row(old.number, None, source, path)
    editor.rows.delete_at(c, j)
    editor.written.pop(old.number.parts, None)
    if new.number != old.number:
        identity = old.identity
        if identity != str(new.number):
            new = evolve(new, uid=identity)
            editor.set_renumbered({**editor.renumbered, identity: str(new.number)})
        else:  # back to the number it was created with
            new = evolve(new, uid=None)
            editor.set_renumbered({k: v for k, v in editor.renumbered.items() if k != identity})
        editor.deleted_rows_to_write().pop(str(new.number), None)  # a deleted number used again
    place = free_place(editor, new.number, source, path)  # first: an error names the number before the order
    check_fits(editor, place, new.number, source, path, section=new.section, subsection=new.subsection)
    editor.rows.insert_at(*place, new)
