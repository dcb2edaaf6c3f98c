"""The plan editor's handlers for the table's columns: added (every row gets its cell), deleted (with every
row's cell in it), renamed (the id, and so the cells, stay)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from amend.engine.base import construct, evolve
from amend.engine.editor_texts import set_texts
from amend.engine.elements import Element, ElementKind
from amend.engine.lookup import as_of
from amend.engine.model import Column, Plan, Row
from amend.engine.operations import AddColumn, DeleteColumn, RenameColumn
from amend.engine.provenance import ChangeKind, Source, note_for_element, note_for_row, with_change
from amend.engine.rows import Rows
from amend.engine.unknown import UNKNOWN
from amend.errors import ColumnsMismatch, NumberTaken, TargetMissing

if TYPE_CHECKING:
    from amend.engine.editor_state import WorkingCopy

__all__ = ["add_column", "delete_column", "rename_column"]


def _column_index(plan: Plan, column: str) -> int | None:
    return next((i for i, c in enumerate(plan.columns) if c.id == column), None)


def _rebuilt(editor: WorkingCopy, columns: tuple[Column, ...], change: Callable[[Row], Row]) -> Plan:
    """The plan with new columns and every row rebuilt by ``change`` (one pass, one new row sequence)."""
    plan = editor.freeze()
    return evolve(plan, columns=columns, rows=Rows([change(r) for r in plan.rows]))


def _noted(plan: Plan, element: Element, kind: ChangeKind, source: Source) -> Plan:
    change = note_for_element(source, kind, element.kind.value, element.key)
    name = str(element)
    return evolve(plan, texts_history={**plan.texts_history, name: plan.texts_history.get(name, ()) + (change,)})


def add_column(editor: WorkingCopy, op: AddColumn, source: Source) -> None:
    """A new column after ``after`` (else last); a row's new cell is UNKNOWN unless the act gives it."""
    plan = editor.frame
    if _column_index(plan, op.id) is not None:
        raise NumberTaken(f"plan {plan.plan} already has a column {op.id}", path=("id",))
    if op.after is None:
        k = len(plan.columns)
    else:
        after = _column_index(plan, op.after)
        if after is None:
            raise ColumnsMismatch(f"plan {plan.plan} has no column {op.after}", path=("after",))
        k = after + 1
    given = {str(number): text for number, text in op.cells.items()}
    for number in op.cells:
        if editor.rows.get(number.parts) is None:
            raise TargetMissing(f"row {number} does not exist in {as_of(plan, source)}", path=("cells", str(number)))
    column = construct(Column, id=op.id, title=op.title, role=op.role, title_ru=op.title_ru)
    columns = (*plan.columns[:k], column, *plan.columns[k:])
    ids = [c.id for c in columns]

    def widened(row: Row) -> Row:
        # Cells stay in column order; a cell no source gives is UNKNOWN (never blank).
        text = given.get(str(row.number), UNKNOWN)
        cells = {c: (text if c == op.id else row.cells[c]) for c in ids}
        if str(row.number) in given:
            note = note_for_row(source, ChangeKind.CELLS_REPLACED, str(row.number))
            return evolve(row, cells=cells, history=with_change(row.history, note))
        return evolve(row, cells=cells)

    new = _rebuilt(editor, columns, widened)
    editor.columns_changed = True
    editor.reset(_noted(new, Element(ElementKind.COLUMN, op.id), ChangeKind.ADDED, source), rows_rebuilt=True)


def delete_column(editor: WorkingCopy, op: DeleteColumn, source: Source) -> None:
    """A column struck out of the table, with every row's cell in it (the table keeps at least one)."""
    plan = editor.frame
    k = _column_index(plan, op.id)
    if k is None:
        raise ColumnsMismatch(f"plan {plan.plan} has no column {op.id}", path=("id",))
    if len(plan.columns) == 1:
        raise ColumnsMismatch(f"column {op.id} is the plan's only column: a table needs one", path=("id",))

    def narrowed(row: Row) -> Row:
        return evolve(
            row,
            cells={c: t for c, t in row.cells.items() if c != op.id},
            cells_ru={c: t for c, t in row.cells_ru.items() if c != op.id},
        )

    new = _rebuilt(editor, plan.columns[:k] + plan.columns[k + 1 :], narrowed)
    editor.columns_changed = True
    editor.reset(_noted(new, Element(ElementKind.COLUMN, op.id), ChangeKind.DELETED, source), rows_rebuilt=True)


def rename_column(editor: WorkingCopy, op: RenameColumn, source: Source) -> None:
    """A column's title in new wording."""
    if _column_index(editor.frame, op.id) is None:
        raise ColumnsMismatch(f"plan {editor.frame.plan} has no column {op.id}", path=("id",))
    element = Element(ElementKind.COLUMN, op.id)
    plan = set_texts(editor.freeze(), element, op.title, op.title_ru, kind=ChangeKind.TITLE_SET, source=source)
    editor.reset(plan)
