"""The plan editor's handlers for the resolution's own texts and the annex's texts (title, preamble, points
and sub-points, signatory, the annex's title and notes), and for words replaced in any text that is not a
cell; and how one element's Kazakh and Russian wording is read (``element_texts``) and written.

Russian texts change only as the operation says: a Kazakh text replaced without its Russian wording leaves
the Russian UNKNOWN, never the old Russian text, never a translation. These are rare operations on parts
outside the rows: each works on the plan as it stands (``PlanEditor.freeze``) and the editor goes on from
the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from amend.engine.acts import Act, ActPoint, Signatory
from amend.engine.base import construct, evolve
from amend.engine.editor_headings import section_index as _section_index
from amend.engine.editor_headings import subsection_index as _subsection_index
from amend.engine.elements import Element, ElementKind, parse_element
from amend.engine.lookup import as_of
from amend.engine.model import AnnexNote, Plan
from amend.engine.operations import DeleteText, InsertText, ReplaceSignatory, ReplaceText, ReplaceWordsIn
from amend.engine.provenance import (
    Change,
    ChangeKind,
    Source,
    note_for_abbreviation,
    note_for_element,
    note_for_section,
    with_change,
)
from amend.engine.unknown import UNKNOWN, Text
from amend.errors import NumberTaken, OccurrencesMismatch, SchemaError, TargetMissing

if TYPE_CHECKING:
    from amend.engine.editor_state import WorkingCopy

__all__ = [
    "delete_text",
    "element_texts",
    "insert_text",
    "replace_signatory",
    "replace_text",
    "replace_words_in",
    "set_texts",
]


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


def set_texts(plan: Plan, element: Element, text: Text, text_ru: Text, *, kind: ChangeKind, source: Source) -> Plan:
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


def replace_text(editor: WorkingCopy, op: ReplaceText, source: Source) -> None:
    """The resolution's title, preamble, a point (with its sub-points) or sub-point, the annex's title or a
    note in new wording."""
    editor.reset(_replace_text(editor.freeze(), op, source))


def _replace_text(plan: Plan, op: ReplaceText, source: Source) -> Plan:
    element = parse_element(op.element)
    _existing_texts(plan, element, source)
    whole_point = element.kind is ElementKind.POINT and "." not in element.key
    if op.subpoints and not whole_point:
        raise SchemaError(f"only a point has sub-points, not {element}", path=("subpoints",))
    kind = ChangeKind.TITLE_SET if element.kind is ElementKind.COLUMN else ChangeKind.REPLACED
    plan = set_texts(plan, element, op.text, op.text_ru, kind=kind, source=source)
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


def insert_text(editor: WorkingCopy, op: InsertText, source: Source) -> None:
    """A new point, sub-point or note of the annex, or the preamble."""
    editor.reset(_insert_text(editor.freeze(), op, source))


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


def delete_text(editor: WorkingCopy, op: DeleteText, source: Source) -> None:
    """A point, sub-point or note of the annex, or the preamble, struck out."""
    editor.reset(_delete_text(editor.freeze(), op, source))


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


def replace_signatory(editor: WorkingCopy, op: ReplaceSignatory, source: Source) -> None:
    """The signatory's position and name in new wording."""
    editor.reset(_replace_signatory(editor.freeze(), op, source))


def _replace_signatory(plan: Plan, op: ReplaceSignatory, source: Source) -> Plan:
    element = Element(ElementKind.SIGNATORY, "")
    if plan.act.signatory is None:
        raise _missing(plan, element, source, ("op",))
    signatory = construct(Signatory, position=op.position, name=op.name, position_ru=op.position_ru, name_ru=op.name_ru)
    plan = evolve(plan, act=evolve(plan.act, signatory=signatory))
    return _noted(plan, element, note_for_element(source, ChangeKind.REPLACED, "signatory", ""))


# -- words in a text that is not a cell ---------------------------------------------------------------


def replace_words_in(editor: WorkingCopy, op: ReplaceWordsIn, source: Source) -> None:
    """Words replaced in one text that is not a cell, counted first (in Russian where the act gives them)."""
    editor.reset(_replace_words_in(editor.freeze(), op, source))


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
    return set_texts(plan, element, text, text_ru, kind=kind, source=source)
