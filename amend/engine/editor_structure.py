"""The plan editor's handlers for the table's structure: a row, section or subsection renumbered (it keeps
its identity, so its history follows it), a row moved to another (sub)section."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from amend.engine.base import evolve
from amend.engine.editor_headings import renumber_section, renumber_subsection, section_index
from amend.engine.editor_rows import relocate_row
from amend.engine.elements import Element, ElementKind, parse_element
from amend.engine.lookup import as_of
from amend.engine.numbers import RowNumber
from amend.engine.operations import MoveRow, Renumber
from amend.engine.provenance import ChangeKind, Source, note_for_element
from amend.errors import NumberTaken, SchemaError, TargetMissing
from amend.language.notes import moved_to

if TYPE_CHECKING:
    from amend.engine.editor_state import WorkingCopy

__all__ = ["move_row", "renumber"]

_ELEMENT = ("element",)


def _row_number(text: str, path: tuple[Any, ...]) -> RowNumber:
    try:
        return RowNumber(text)
    except ValueError as exc:
        raise SchemaError(str(exc), path=path) from None


def renumber(editor: WorkingCopy, op: Renumber, source: Source) -> None:
    """A row, section or subsection under a new number."""
    element = parse_element(op.element)
    match element.kind:
        case ElementKind.ROW:
            number = _row_number(element.key, _ELEMENT)
            old, _, _ = editor.find_row(number, None, source, _ELEMENT)
            to = _row_number(op.to, ("to",))
            if to == number:
                raise NumberTaken(f"row {number} already has the number {to}", path=("to",))
            change = note_for_element(source, ChangeKind.RENUMBERED, "row", str(number), to=str(to))
            relocate_row(editor, old, evolve(old, number=to, history=old.history + (change,)), source, ("to",))
        case ElementKind.SECTION:
            renumber_section(editor, element.key, op.to, source)
        case ElementKind.SUBSECTION:
            renumber_subsection(editor, element.key, op.to, source)
        case _:
            raise SchemaError(f"renumber takes a row, a section or a subsection, not {element}", path=_ELEMENT)


def move_row(editor: WorkingCopy, op: MoveRow, source: Source) -> None:
    """A row moved to another section or subsection, under a new number if the act gives one."""
    old, _, _ = editor.find_row(op.row, None, source, ("row",))
    plan = editor.frame
    i = section_index(plan, op.section)
    if i is None:
        element = Element(ElementKind.SECTION, op.section)
        raise TargetMissing(f"{element} does not exist in {as_of(plan, source)}", path=("section",))
    if op.subsection is not None and plan.sections[i].subsection(op.subsection) is None:
        raise TargetMissing(
            f"subsection {op.subsection} does not exist in section {op.section} of {as_of(plan, source)}",
            path=("subsection",),
        )
    if op.subsection is not None:
        to, to_ru = moved_to(op.subsection, subsection=True)
    else:
        to, to_ru = moved_to(op.section, subsection=False)
    change = note_for_element(source, ChangeKind.MOVED, "row", str(op.row), to=to, to_ru=to_ru)
    new = evolve(
        old,
        number=op.to or old.number,
        section=op.section,
        subsection=op.subsection,
        history=old.history + (change,),
    )
    relocate_row(editor, old, new, source, ("to",) if op.to else ("section",))
