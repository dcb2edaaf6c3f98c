"""Applying the operations on the whole resolution and on the annex's structure (issue 15).

The resolution's own texts (title, preamble, points and sub-points, signatory), the annex's title and
notes, and the structure of its table: renumbering a row, section or subsection (it keeps its identity,
so its history follows it), moving a row, adding, deleting and renaming a column, deleting a section or
subsection with its rows, and replacing words in any text that is not a cell.

Every function is pure, like ``apply.apply`` (which calls ``apply_structure`` for these operations): it
returns a new plan sharing what did not change, or raises an ``AmendError`` with a path inside the
operation. Russian texts change only as the operation says: a Kazakh text replaced without its Russian
wording leaves the Russian UNKNOWN, never the old Russian text, never a translation.
"""

from __future__ import annotations

from typing import Any, assert_never

from amend.engine.acts import Act, ActPoint, Signatory
from amend.engine.base import construct, evolve
from amend.engine.elements import Element, ElementKind, parse_element
from amend.engine.lookup import as_of, find_row, fits_between, structure_key
from amend.engine.model import AnnexNote, Column, Plan, Row, Section, Subsection
from amend.engine.numbers import RowNumber
from amend.engine.operations import (
    AddColumn,
    DeleteColumn,
    DeleteSection,
    DeleteSubsection,
    DeleteText,
    InsertText,
    MoveRow,
    RenameColumn,
    Renumber,
    ReplaceSignatory,
    ReplaceText,
    ReplaceWordsIn,
    StructureOperation,
)
from amend.engine.provenance import (
    Change,
    ChangeKind,
    Source,
    note_for_abbreviation,
    note_for_element,
    note_for_row,
    note_for_section,
    with_change,
)
from amend.engine.rows import Rows
from amend.engine.unknown import UNKNOWN, Text
from amend.errors import (
    ColumnsMismatch,
    NumberTaken,
    OccurrencesMismatch,
    RowOrder,
    SchemaError,
    SubsectionUnknown,
    TargetMissing,
)
from amend.language.notes import moved_to

__all__ = ["apply_structure", "element_texts"]


def apply_structure(plan: Plan, op: StructureOperation, source: Source) -> Plan:
    """The plan after one of the structure operations; raises an ``AmendError`` if it does not fit."""
    match op:
        case ReplaceText():
            return _replace_text(plan, op, source)
        case InsertText():
            return _insert_text(plan, op, source)
        case DeleteText():
            return _delete_text(plan, op, source)
        case ReplaceSignatory():
            return _replace_signatory(plan, op, source)
        case ReplaceWordsIn():
            return _replace_words_in(plan, op, source)
        case Renumber():
            return _renumber(plan, op, source)
        case MoveRow():
            return _move_row(plan, op, source)
        case AddColumn():
            return _add_column(plan, op, source)
        case DeleteColumn():
            return _delete_column(plan, op, source)
        case RenameColumn():
            return _rename_column(plan, op, source)
        case DeleteSection():
            return _delete_section(plan, op, source)
        case DeleteSubsection():
            return _delete_subsection(plan, op, source)
        case _:
            assert_never(op)


# -- texts: reading and writing one element's Kazakh and Russian wording -----------------------------

_ELEMENT = ("element",)


def _missing(plan: Plan, element: Element, source: Source, path: tuple[Any, ...] = _ELEMENT) -> TargetMissing:
    return TargetMissing(f"{element} does not exist in {as_of(plan, source)}", path=path)


def _point_index(points: tuple[ActPoint, ...], number: str) -> int | None:
    return next((i for i, p in enumerate(points) if p.number == number), None)


def _find_point(plan: Plan, key: str, source: Source) -> tuple[int, int | None]:
    """(point index, sub-point index or None) of ``point 2`` or ``point 2.1``."""
    number, _, sub = key.partition(".")
    i = _point_index(plan.act.points, number)
    if i is None:
        raise _missing(plan, Element(ElementKind.POINT, key), source)
    if not sub:
        return i, None
    j = _point_index(plan.act.points[i].subpoints, sub)
    if j is None:
        raise _missing(plan, Element(ElementKind.POINT, key), source)
    return i, j


def _section_index(plan: Plan, number: str) -> int | None:
    return next((i for i, s in enumerate(plan.sections) if s.number == number), None)


def _subsection_index(plan: Plan, number: str) -> tuple[int, int] | None:
    for i, s in enumerate(plan.sections):
        for j, sub in enumerate(s.subsections):
            if sub.number == number:
                return i, j
    return None


def _column_index(plan: Plan, column: str) -> int | None:
    return next((i for i, c in enumerate(plan.columns) if c.id == column), None)


def element_texts(plan: Plan, element: Element) -> tuple[Text, Text] | None:
    """The Kazakh and Russian wording of a text element (not a row, not the signatory), or None if the
    plan has no such element."""
    key = element.key
    act = plan.act
    match element.kind:
        case ElementKind.TITLE:
            return act.title, act.title_ru
        case ElementKind.PREAMBLE:
            return None if act.preamble is None else (act.preamble, act.preamble_ru)
        case ElementKind.POINT:
            number, _, sub = key.partition(".")
            i = _point_index(act.points, number)
            if i is None:
                return None
            point = act.points[i]
            if sub:
                j = _point_index(point.subpoints, sub)
                if j is None:
                    return None
                point = point.subpoints[j]
            return point.text, point.text_ru
        case ElementKind.ANNEX_TITLE:
            return plan.title, plan.title_ru
        case ElementKind.NOTE:
            note = next((n for n in plan.annex_notes if n.number == key), None)
            return None if note is None else (note.text, note.text_ru)
        case ElementKind.SECTION:
            i = _section_index(plan, key)
            return None if i is None else (plan.sections[i].title, plan.sections[i].title_ru)
        case ElementKind.SUBSECTION:
            found = _subsection_index(plan, key)
            if found is None:
                return None
            sub_ = plan.sections[found[0]].subsections[found[1]]
            return sub_.title, sub_.title_ru
        case ElementKind.ABBREVIATION:
            a = plan.abbreviations.get(key)
            return None if a is None else (a.expansion, a.expansion_ru)
        case ElementKind.COLUMN:
            k = _column_index(plan, key)
            return None if k is None else (plan.columns[k].title, plan.columns[k].title_ru)
    return None


def _noted(plan: Plan, element: Element, change: Change) -> Plan:
    """The plan with ``change`` in the history of an element that has none of its own."""
    name = str(element)
    return evolve(plan, texts_history={**plan.texts_history, name: plan.texts_history.get(name, ()) + (change,)})


def _with_point(act: Act, i: int, j: int | None, text: Text, text_ru: Text) -> Act:
    point = act.points[i]
    if j is None:
        new = evolve(point, text=text, text_ru=text_ru)
    else:
        sub = evolve(point.subpoints[j], text=text, text_ru=text_ru)
        new = evolve(point, subpoints=point.subpoints[:j] + (sub,) + point.subpoints[j + 1 :])
    return evolve(act, points=act.points[:i] + (new,) + act.points[i + 1 :])


def _set_texts(plan: Plan, element: Element, text: Text, text_ru: Text, *, kind: ChangeKind, source: Source) -> Plan:
    """The element in new wording (Kazakh and Russian), with the change in its history."""
    key = element.key
    match element.kind:
        case ElementKind.TITLE:
            plan = evolve(plan, act=evolve(plan.act, title=text, title_ru=text_ru))
        case ElementKind.PREAMBLE:
            plan = evolve(plan, act=evolve(plan.act, preamble=text, preamble_ru=text_ru))
        case ElementKind.POINT:
            i, j = _find_point(plan, key, source)
            plan = evolve(plan, act=_with_point(plan.act, i, j, text, text_ru))
        case ElementKind.ANNEX_TITLE:
            plan = evolve(plan, title=text, title_ru=text_ru)
        case ElementKind.NOTE:
            notes = tuple(evolve(n, text=text, text_ru=text_ru) if n.number == key else n for n in plan.annex_notes)
            plan = evolve(plan, annex_notes=notes)
        case ElementKind.SECTION:
            at = _section_index(plan, key)
            assert at is not None  # element_texts found it
            s = plan.sections[at]
            change = note_for_section(source, ChangeKind.TITLE_SET, key)
            s = evolve(s, title=text, title_ru=text_ru, history=with_change(s.history, change))
            return evolve(plan, sections=plan.sections[:at] + (s,) + plan.sections[at + 1 :])
        case ElementKind.SUBSECTION:
            found = _subsection_index(plan, key)
            assert found is not None
            i, j = found
            section = plan.sections[i]
            sub = section.subsections[j]
            change = note_for_section(source, ChangeKind.TITLE_SET, key)
            sub = evolve(sub, title=text, title_ru=text_ru, history=with_change(sub.history, change))
            section = evolve(section, subsections=section.subsections[:j] + (sub,) + section.subsections[j + 1 :])
            return evolve(plan, sections=plan.sections[:i] + (section,) + plan.sections[i + 1 :])
        case ElementKind.ABBREVIATION:
            a = plan.abbreviations[key]
            change = note_for_abbreviation(source, ChangeKind.REPLACED)
            a = evolve(a, expansion=text, expansion_ru=text_ru, history=with_change(a.history, change))
            return evolve(plan, abbreviations={**plan.abbreviations, key: a})
        case ElementKind.COLUMN:
            k = _column_index(plan, key)
            assert k is not None
            column = evolve(plan.columns[k], title=text, title_ru=text_ru)
            plan = evolve(plan, columns=plan.columns[:k] + (column,) + plan.columns[k + 1 :])
        case _:
            raise SchemaError(f"{element} is not a text that this operation can change", path=_ELEMENT)
    return _noted(plan, element, note_for_element(source, kind, element.kind.value, key))


_REPLACEABLE = {
    ElementKind.TITLE,
    ElementKind.PREAMBLE,
    ElementKind.POINT,
    ElementKind.ANNEX_TITLE,
    ElementKind.NOTE,
    ElementKind.SECTION,
    ElementKind.SUBSECTION,
    ElementKind.ABBREVIATION,
    ElementKind.COLUMN,
}


def _existing_texts(plan: Plan, element: Element, source: Source) -> tuple[Text, Text]:
    if element.kind not in _REPLACEABLE:
        raise SchemaError(f"{element} has no single text to change (rows: replace_row, replace_words)", path=_ELEMENT)
    texts = element_texts(plan, element)
    if texts is None:
        raise _missing(plan, element, source)
    return texts


def _replace_text(plan: Plan, op: ReplaceText, source: Source) -> Plan:
    element = parse_element(op.element)
    _existing_texts(plan, element, source)
    whole_point = element.kind is ElementKind.POINT and "." not in element.key
    if op.subpoints and not whole_point:
        raise SchemaError(f"only a point has sub-points, not {element}", path=("subpoints",))
    kind = ChangeKind.TITLE_SET if element.kind is ElementKind.COLUMN else ChangeKind.REPLACED
    plan = _set_texts(plan, element, op.text, op.text_ru, kind=kind, source=source)
    if whole_point:  # the point in new wording is the whole point: its old sub-points go
        i, _ = _find_point(plan, element.key, source)
        point = evolve(plan.act.points[i], subpoints=op.subpoints)
        plan = evolve(plan, act=evolve(plan.act, points=(*plan.act.points[:i], point, *plan.act.points[i + 1 :])))
    return plan


# -- points, sub-points, notes: inserted and deleted -------------------------------------------------


def _placed(items: tuple[Any, ...], new: Any, after: str | None, plan: Plan, source: Source) -> tuple[Any, ...]:
    """``new`` put after the item numbered ``after`` (else after the last)."""
    if after is None:
        return (*items, new)
    k = _point_index(items, after)
    if k is None:
        raise TargetMissing(f"{after} does not exist in {as_of(plan, source)}", path=("after",))
    return (*items[: k + 1], new, *items[k + 1 :])


def _insert_text(plan: Plan, op: InsertText, source: Source) -> Plan:
    element = parse_element(op.element)
    key = element.key
    if element_texts(plan, element) is not None:
        raise NumberTaken(f"{element} already exists in {as_of(plan, source)}", path=_ELEMENT)
    act = plan.act
    match element.kind:
        case ElementKind.PREAMBLE:
            plan = evolve(plan, act=evolve(act, preamble=op.text, preamble_ru=op.text_ru))
        case ElementKind.POINT:
            number, _, sub = key.partition(".")
            new = construct(ActPoint, number=sub or number, text=op.text, text_ru=op.text_ru)
            if not sub:
                points = _placed(act.points, new, op.after, plan, source)
            else:
                i = _point_index(act.points, number)
                if i is None:
                    raise _missing(plan, Element(ElementKind.POINT, number), source)
                parent = act.points[i]
                parent = evolve(parent, subpoints=_placed(parent.subpoints, new, op.after, plan, source))
                points = (*act.points[:i], parent, *act.points[i + 1 :])
            plan = evolve(plan, act=evolve(act, points=points))
        case ElementKind.NOTE:
            note = construct(AnnexNote, number=key, text=op.text, text_ru=op.text_ru)
            plan = evolve(plan, annex_notes=_placed(plan.annex_notes, note, op.after, plan, source))
        case _:
            raise SchemaError(
                f"insert_text inserts a point, a sub-point, a note or the preamble, not {element}", path=_ELEMENT
            )
    return _noted(plan, element, note_for_element(source, ChangeKind.INSERTED, element.kind.value, key))


def _delete_text(plan: Plan, op: DeleteText, source: Source) -> Plan:
    element = parse_element(op.element)
    key = element.key
    if element.kind not in (ElementKind.PREAMBLE, ElementKind.POINT, ElementKind.NOTE):
        raise SchemaError(
            f"delete_text deletes a point, a sub-point, a note or the preamble, not {element}", path=_ELEMENT
        )
    if element_texts(plan, element) is None:
        raise _missing(plan, element, source)
    act = plan.act
    match element.kind:
        case ElementKind.PREAMBLE:
            plan = evolve(plan, act=evolve(act, preamble=None, preamble_ru=UNKNOWN))
        case ElementKind.POINT:
            i, j = _find_point(plan, key, source)
            if j is None:
                points = act.points[:i] + act.points[i + 1 :]
            else:
                parent = act.points[i]
                parent = evolve(parent, subpoints=parent.subpoints[:j] + parent.subpoints[j + 1 :])
                points = (*act.points[:i], parent, *act.points[i + 1 :])
            plan = evolve(plan, act=evolve(act, points=points))
        case _:
            plan = evolve(plan, annex_notes=tuple(n for n in plan.annex_notes if n.number != key))
    return _noted(plan, element, note_for_element(source, ChangeKind.DELETED, element.kind.value, key))


def _replace_signatory(plan: Plan, op: ReplaceSignatory, source: Source) -> Plan:
    element = Element(ElementKind.SIGNATORY, "")
    if plan.act.signatory is None:
        raise _missing(plan, element, source, ("op",))
    signatory = construct(Signatory, position=op.position, name=op.name, position_ru=op.position_ru, name_ru=op.name_ru)
    plan = evolve(plan, act=evolve(plan.act, signatory=signatory))
    return _noted(plan, element, note_for_element(source, ChangeKind.REPLACED, "signatory", ""))


# -- words in a text that is not a cell ---------------------------------------------------------------


def _replace_words_in(plan: Plan, op: ReplaceWordsIn, source: Source) -> Plan:
    element = parse_element(op.element)
    text, text_ru = _existing_texts(plan, element, source)
    if isinstance(text, str):
        found = text.count(op.old)
        if found != op.occurrences:
            raise OccurrencesMismatch(
                f'"{op.old}" occurs {found} time(s) in {element} of {as_of(plan, source)}, '
                f"the operation expects {op.occurrences}",
                path=("occurrences",),
            )
        text = text.replace(op.old, op.new)
        if not text.strip():
            raise SchemaError(f"the replacement leaves {element} blank: delete it instead", path=("new",))
    # A text no source gives stays unknown: the words are replaced in it, but we cannot show it.
    if op.old_ru is None or not isinstance(text_ru, str):
        text_ru = UNKNOWN  # the Russian changed too, in words no Kazakh operation gives
    else:
        if op.old_ru not in text_ru:
            raise OccurrencesMismatch(
                f'"{op.old_ru}" does not occur in the Russian text of {element} of {as_of(plan, source)}',
                path=("old_ru",),
            )
        found_ru = text_ru.count(op.old_ru)
        if op.occurrences_ru is not None and found_ru != op.occurrences_ru:
            raise OccurrencesMismatch(
                f'"{op.old_ru}" occurs {found_ru} time(s) in the Russian text of {element} of '
                f"{as_of(plan, source)}, the operation expects {op.occurrences_ru}",
                path=("occurrences_ru",),
            )
        text_ru = text_ru.replace(op.old_ru, op.new_ru or "")
    kind = ChangeKind.WORDS_REPLACED
    return _set_texts(plan, element, text, text_ru, kind=kind, source=source)


# -- the table's structure: renumbering and moving ---------------------------------------------------


def _check_fits(plan: Plan, row: Row, source: Source, path: tuple[Any, ...]) -> None:
    """A row (not in ``plan.rows``) must stand between rows of its own or neighbouring (sub)sections."""
    prev, next_ = plan.rows.neighbours(row.number.parts)
    here = structure_key(plan, row.section, row.subsection)
    before = structure_key(plan, prev.section, prev.subsection) if prev else (-1, -1)
    after = structure_key(plan, next_.section, next_.subsection) if next_ else (len(plan.sections), None)
    if not fits_between(before, here, after):
        raise RowOrder(
            f"row {row.number} would stand between rows of other (sub)sections "
            f"({prev.number if prev else 'start'} and {next_.number if next_ else 'end'}) in {as_of(plan, source)}",
            path=path,
        )


def _row_number(text: str, path: tuple[Any, ...]) -> RowNumber:
    try:
        return RowNumber(text)
    except ValueError as exc:
        raise SchemaError(str(exc), path=path) from None


def _relocated(plan: Plan, old: Row, new: Row, source: Source, path: tuple[Any, ...]) -> Plan:
    """``old`` taken out and ``new`` (the same row, renumbered or moved) put in, its identity kept."""
    rest = evolve(plan, rows=plan.rows.delete(old.number.parts))
    if new.number != old.number:
        taken = rest.rows.get(new.number.parts)
        if taken is not None:
            raise NumberTaken(
                f"row {new.number} already exists in {as_of(plan, source)} (section {taken.section})", path=path
            )
        identity = old.identity
        if identity != str(new.number):
            new = evolve(new, uid=identity)
            renumbered = {**rest.renumbered, identity: str(new.number)}
        else:  # back to the number it was created with
            new = evolve(new, uid=None)
            renumbered = {k: v for k, v in rest.renumbered.items() if k != identity}
        deleted = {n: c for n, c in rest.deleted_rows.items() if n != str(new.number)}
        rest = evolve(rest, renumbered=renumbered, deleted_rows=deleted)
    _check_fits(rest, new, source, path)
    return evolve(rest, rows=rest.rows.insert(new))


def _renumber(plan: Plan, op: Renumber, source: Source) -> Plan:
    element = parse_element(op.element)
    match element.kind:
        case ElementKind.ROW:
            number = _row_number(element.key, _ELEMENT)
            old = find_row(plan, number, None, source, _ELEMENT)
            to = _row_number(op.to, ("to",))
            if to == number:
                raise NumberTaken(f"row {number} already has the number {to}", path=("to",))
            change = note_for_element(source, ChangeKind.RENUMBERED, "row", str(number), to=str(to))
            new = evolve(old, number=to, history=old.history + (change,))
            return _relocated(plan, old, new, source, ("to",))
        case ElementKind.SECTION:
            return _renumber_section(plan, element.key, op.to, source)
        case ElementKind.SUBSECTION:
            return _renumber_subsection(plan, element.key, op.to, source)
        case _:
            raise SchemaError(f"renumber takes a row, a section or a subsection, not {element}", path=_ELEMENT)


def _rows_where(plan: Plan, test: Any, **changes: Any) -> Rows[Row]:
    """The rows, with ``changes`` made to those for which ``test(row)`` holds."""
    rows = plan.rows
    for row in plan.rows:
        if test(row):
            rows = rows.replace(evolve(row, **changes))
    return rows


def _renumber_section(plan: Plan, number: str, to: str, source: Source) -> Plan:
    i = _section_index(plan, number)
    if i is None:
        raise _missing(plan, Element(ElementKind.SECTION, number), source)
    if _section_index(plan, to) is not None:
        raise NumberTaken(f"section {to} already exists in {as_of(plan, source)}", path=("to",))
    s = plan.sections[i]
    change = note_for_element(source, ChangeKind.RENUMBERED, "section", number, to=to)
    s = evolve(s, number=to, uid=s.uid or number, history=s.history + (change,))
    rows = _rows_where(plan, lambda r: r.section == number, section=to)
    return evolve(plan, sections=plan.sections[:i] + (s,) + plan.sections[i + 1 :], rows=rows)


def _renumber_subsection(plan: Plan, number: str, to: str, source: Source) -> Plan:
    found = _subsection_index(plan, number)
    if found is None:
        raise _missing(plan, Element(ElementKind.SUBSECTION, number), source)
    i, j = found
    section = plan.sections[i]
    if section.subsection(to) is not None:
        raise NumberTaken(f"subsection {to} already exists in section {section.number}", path=("to",))
    sub = section.subsections[j]
    change = note_for_element(source, ChangeKind.RENUMBERED, "subsection", number, to=to)
    sub = evolve(sub, number=to, uid=sub.uid or number, history=sub.history + (change,))
    section = evolve(section, subsections=section.subsections[:j] + (sub,) + section.subsections[j + 1 :])
    rows = _rows_where(plan, lambda r: r.section == section.number and r.subsection == number, subsection=to)
    return evolve(plan, sections=plan.sections[:i] + (section,) + plan.sections[i + 1 :], rows=rows)


def _move_row(plan: Plan, op: MoveRow, source: Source) -> Plan:
    old = find_row(plan, op.row, None, source, ("row",))
    i = _section_index(plan, op.section)
    if i is None:
        raise _missing(plan, Element(ElementKind.SECTION, op.section), source, ("section",))
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
    return _relocated(plan, old, new, source, ("to",) if op.to else ("section",))


# -- columns -------------------------------------------------------------------------------------------


def _all_rows(plan: Plan, change: Any) -> Rows[Row]:
    """Every row rebuilt by ``change(row)`` (one pass, one new row sequence)."""
    return Rows([change(r) for r in plan.rows])


def _add_column(plan: Plan, op: AddColumn, source: Source) -> Plan:
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
        if plan.row(number) is None:
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

    plan = evolve(plan, columns=columns, rows=_all_rows(plan, widened))
    return _noted(plan, Element(ElementKind.COLUMN, op.id), note_for_element(source, ChangeKind.ADDED, "column", op.id))


def _delete_column(plan: Plan, op: DeleteColumn, source: Source) -> Plan:
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

    plan = evolve(plan, columns=plan.columns[:k] + plan.columns[k + 1 :], rows=_all_rows(plan, narrowed))
    return _noted(
        plan, Element(ElementKind.COLUMN, op.id), note_for_element(source, ChangeKind.DELETED, "column", op.id)
    )


def _rename_column(plan: Plan, op: RenameColumn, source: Source) -> Plan:
    element = Element(ElementKind.COLUMN, op.id)
    if _column_index(plan, op.id) is None:
        raise ColumnsMismatch(f"plan {plan.plan} has no column {op.id}", path=("id",))
    return _set_texts(plan, element, op.title, op.title_ru, kind=ChangeKind.TITLE_SET, source=source)


# -- sections and subsections deleted with their rows ------------------------------------------------


def _without_rows(plan: Plan, doomed: list[Row], source: Source) -> Plan:
    """The plan without ``doomed`` rows, each recorded as deleted by this act."""
    rows = plan.rows
    deleted = dict(plan.deleted_rows)
    gone = set()
    for row in doomed:
        rows = rows.delete(row.number.parts)
        deleted[str(row.number)] = note_for_row(source, ChangeKind.DELETED, str(row.number))
        gone.add(row.identity)
    renumbered = {k: v for k, v in plan.renumbered.items() if k not in gone}
    return evolve(plan, rows=rows, deleted_rows=deleted, renumbered=renumbered)


def _delete_section(plan: Plan, op: DeleteSection, source: Source) -> Plan:
    i = _section_index(plan, op.number)
    if i is None:
        raise _missing(plan, Element(ElementKind.SECTION, op.number), source, ("number",))
    if len(plan.sections) == 1:
        raise TargetMissing(
            f"section {op.number} is the plan's only section: repeal the plan instead", path=("number",)
        )
    section: Section = plan.sections[i]
    plan = _without_rows(plan, [r for r in plan.rows if r.section == op.number], source)
    plan = evolve(plan, sections=plan.sections[:i] + plan.sections[i + 1 :])
    # The section's own history ends with its deletion; it is kept with the texts' histories.
    change = note_for_element(source, ChangeKind.DELETED, "section", op.number)
    name = str(Element(ElementKind.SECTION, op.number))
    return evolve(plan, texts_history={**plan.texts_history, name: section.history + (change,)})


def _delete_subsection(plan: Plan, op: DeleteSubsection, source: Source) -> Plan:
    i = _section_index(plan, op.section)
    if i is None:
        raise _missing(plan, Element(ElementKind.SECTION, op.section), source, ("section",))
    section = plan.sections[i]
    j = next((j for j, s in enumerate(section.subsections) if s.number == op.number), None)
    if j is None:
        raise TargetMissing(
            f"subsection {op.number} does not exist in section {op.section} of {as_of(plan, source)}", path=("number",)
        )
    unsure = [str(r.number) for r in plan.rows if r.section == op.section and r.subsection is UNKNOWN]
    if unsure:
        # Whether these rows go with the subsection is what no source says: not a guess of ours.
        raise SubsectionUnknown(
            f"rows {', '.join(unsure)} of section {op.section} are in a subsection no source gives; "
            f"they may be in subsection {op.number}",
            path=("number",),
        )
    sub: Subsection = section.subsections[j]
    plan = _without_rows(plan, [r for r in plan.rows if r.section == op.section and r.subsection == op.number], source)
    section = evolve(section, subsections=section.subsections[:j] + section.subsections[j + 1 :])
    plan = evolve(plan, sections=plan.sections[:i] + (section,) + plan.sections[i + 1 :])
    change = note_for_element(source, ChangeKind.DELETED, "subsection", op.number)
    name = str(Element(ElementKind.SUBSECTION, op.number))
    return evolve(plan, texts_history={**plan.texts_history, name: sub.history + (change,)})
