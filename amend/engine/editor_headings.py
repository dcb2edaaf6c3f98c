"""The plan editor's handlers for sections and subsections: headings in new wording, added (with their rows),
deleted (with their rows), renumbered (their rows follow)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from amend.engine.base import construct, evolve
from amend.engine.editor_rows import insert_rows
from amend.engine.elements import Element, ElementKind
from amend.engine.lookup import as_of
from amend.engine.model import Plan, Row, Section, Subsection
from amend.engine.operations import (
    AddSection,
    AddSubsection,
    DeleteSection,
    DeleteSubsection,
    InsertRows,
    NewRow,
    SetTitle,
)
from amend.engine.provenance import ChangeKind, Source, note_for_element, note_for_section, with_change
from amend.engine.unknown import UNKNOWN
from amend.errors import AmendError, NumberTaken, SubsectionUnknown, TargetMissing

if TYPE_CHECKING:
    from amend.engine.editor_state import WorkingCopy

__all__ = [
    "add_section",
    "add_subsection",
    "delete_section",
    "delete_subsection",
    "renumber_section",
    "renumber_subsection",
    "section_index",
    "set_title",
    "subsection_index",
]


def section_index(plan: Plan, number: str) -> int | None:
    """Where section ``number`` stands among the plan's sections, or None."""
    return next((i for i, s in enumerate(plan.sections) if s.number == number), None)


def subsection_index(plan: Plan, number: str) -> tuple[int, int] | None:
    """(section index, subsection index) of subsection ``number``, or None."""
    for i, s in enumerate(plan.sections):
        for j, sub in enumerate(s.subsections):
            if sub.number == number:
                return i, j
    return None


def _missing(plan: Plan, element: Element, source: Source, path: tuple[str, ...]) -> TargetMissing:
    return TargetMissing(f"{element} does not exist in {as_of(plan, source)}", path=path)


def _existing_section(plan: Plan, number: str, source: Source) -> int:
    i = section_index(plan, number)
    if i is None:
        raise TargetMissing(f"section {number} does not exist in {as_of(plan, source)}", path=("section",))
    return i


def _with_section(editor: WorkingCopy, i: int, section: Section) -> None:
    sections = editor.frame.sections
    editor.set_frame(sections=sections[:i] + (section,) + sections[i + 1 :])


def set_title(editor: WorkingCopy, op: SetTitle, source: Source) -> None:
    """A section's or subsection's heading in new wording."""
    plan = editor.frame
    i = _existing_section(plan, op.section, source)
    section = plan.sections[i]
    if op.subsection is None:
        change = note_for_section(source, ChangeKind.TITLE_SET, op.section)
        history = with_change(section.history, change)
        _with_section(editor, i, evolve(section, title=op.title, title_ru=op.title_ru, history=history))
        return
    subs = section.subsections
    j = next((j for j, s in enumerate(subs) if s.number == op.subsection), None)
    if j is None:
        raise TargetMissing(
            f"subsection {op.subsection} does not exist in section {op.section} of {as_of(plan, source)}",
            path=("subsection",),
        )
    change = note_for_section(source, ChangeKind.TITLE_SET, op.subsection)
    sub = evolve(subs[j], title=op.title, title_ru=op.title_ru, history=with_change(subs[j].history, change))
    _with_section(editor, i, evolve(section, subsections=subs[:j] + (sub,) + subs[j + 1 :]))


def _insertion_index(numbers: list[str], after: str | None, plan: Plan, source: Source) -> int:
    if after is None:
        return len(numbers)
    if after not in numbers:
        raise TargetMissing(f"{after} does not exist in {as_of(plan, source)}", path=("after",))
    return numbers.index(after) + 1


def add_section(editor: WorkingCopy, op: AddSection, source: Source) -> None:
    """A new section after ``after`` (else last), with its subsections and rows."""
    plan = editor.frame
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
    editor.set_frame(sections=plan.sections[:k] + (section,) + plan.sections[k:])
    # Its rows, each placed as an insertion into the new section would place it.
    for j, placed in enumerate(op.rows):
        _insert_one(editor, j, placed, source, section=op.number, subsection=placed.subsection)


def _insert_one(
    editor: WorkingCopy, j: int, row: NewRow, source: Source, *, section: str, subsection: str | None
) -> None:
    # A trusted InsertRows of one row (the row was validated as part of its operation); its error placed at
    # that row (j) inside the operation that gave it.
    try:
        insert_rows(
            editor,
            construct(InsertRows, op="insert_rows", section=section, subsection=subsection, rows=(row,)),
            source,
        )
    except AmendError as err:
        path = err.path
        if path[:2] == ("rows", 0):
            path = ("rows", j, *path[2:])
        elif path[:1] == ("subsection",):
            path = ("rows", j, "subsection")
        raise type(err)(err.message, path=path) from None


def add_subsection(editor: WorkingCopy, op: AddSubsection, source: Source) -> None:
    """A new subsection of a section, after ``after`` (else last), with its rows."""
    plan = editor.frame
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
    _with_section(editor, i, evolve(section, subsections=section.subsections[:k] + (sub,) + section.subsections[k:]))
    for j, new in enumerate(op.rows):
        _insert_one(editor, j, new, source, section=op.section, subsection=op.number)


def _delete_rows(editor: WorkingCopy, doomed: list[Row], source: Source) -> None:
    """``doomed`` rows struck out, each recorded as deleted by this act."""
    deleted = editor.deleted_rows_to_write()
    gone = set()
    for row in doomed:
        editor.rows.delete(row.number.parts)
        editor.written.pop(row.number.parts, None)
        deleted[str(row.number)] = editor.row_change(source, ChangeKind.DELETED, str(row.number))
        gone.add(row.identity)
    editor.set_renumbered({k: v for k, v in editor.renumbered.items() if k not in gone})


def _closed(editor: WorkingCopy, element: Element, history: tuple[object, ...], source: Source) -> None:
    # A deleted heading's own history ends with its deletion; it is kept with the texts' histories.
    change = note_for_element(source, ChangeKind.DELETED, element.kind.value, element.key)
    name = str(element)
    editor.set_frame(texts_history={**editor.frame.texts_history, name: (*history, change)})


def delete_section(editor: WorkingCopy, op: DeleteSection, source: Source) -> None:
    """A section struck out with its subsections and rows."""
    plan = editor.frame
    i = section_index(plan, op.number)
    if i is None:
        raise _missing(plan, Element(ElementKind.SECTION, op.number), source, ("number",))
    if len(plan.sections) == 1:
        raise TargetMissing(
            f"section {op.number} is the plan's only section: repeal the plan instead", path=("number",)
        )
    section: Section = plan.sections[i]
    _delete_rows(editor, [r for r in editor.rows if r.section == op.number], source)
    editor.set_frame(sections=plan.sections[:i] + plan.sections[i + 1 :])
    _closed(editor, Element(ElementKind.SECTION, op.number), section.history, source)


def delete_subsection(editor: WorkingCopy, op: DeleteSubsection, source: Source) -> None:
    """A subsection struck out with its rows (refused where rows of its section are in no known subsection)."""
    plan = editor.frame
    i = section_index(plan, op.section)
    if i is None:
        raise _missing(plan, Element(ElementKind.SECTION, op.section), source, ("section",))
    section = plan.sections[i]
    j = next((j for j, s in enumerate(section.subsections) if s.number == op.number), None)
    if j is None:
        raise TargetMissing(
            f"subsection {op.number} does not exist in section {op.section} of {as_of(plan, source)}", path=("number",)
        )
    rows = [r for r in editor.rows if r.section == op.section]
    unsure = [str(r.number) for r in rows if r.subsection is UNKNOWN]
    if unsure:
        # Whether these rows go with the subsection is what no source says: not a guess of ours.
        raise SubsectionUnknown(
            f"rows {', '.join(unsure)} of section {op.section} are in a subsection no source gives; "
            f"they may be in subsection {op.number}",
            path=("number",),
        )
    sub: Subsection = section.subsections[j]
    _delete_rows(editor, [r for r in rows if r.subsection == op.number], source)
    section = evolve(section, subsections=section.subsections[:j] + section.subsections[j + 1 :])
    _with_section(editor, i, section)
    _closed(editor, Element(ElementKind.SUBSECTION, op.number), sub.history, source)


def _moved_rows(editor: WorkingCopy, rows: list[Row], **changes: str) -> None:
    for row in rows:
        editor.rows.replace(evolve(row, **changes))


def renumber_section(editor: WorkingCopy, number: str, to: str, source: Source) -> None:
    """Section ``number`` under number ``to``; its identity kept, its rows naming the new number."""
    plan = editor.frame
    i = section_index(plan, number)
    if i is None:
        raise _missing(plan, Element(ElementKind.SECTION, number), source, ("element",))
    if section_index(plan, to) is not None:
        raise NumberTaken(f"section {to} already exists in {as_of(plan, source)}", path=("to",))
    s = plan.sections[i]
    change = note_for_element(source, ChangeKind.RENUMBERED, "section", number, to=to)
    _with_section(editor, i, evolve(s, number=to, uid=s.uid or number, history=s.history + (change,)))
    _moved_rows(editor, [r for r in editor.rows if r.section == number], section=to)


def renumber_subsection(editor: WorkingCopy, number: str, to: str, source: Source) -> None:
    """Subsection ``number`` under number ``to``; its identity kept, its rows naming the new number."""
    plan = editor.frame
    found = subsection_index(plan, number)
    if found is None:
        raise _missing(plan, Element(ElementKind.SUBSECTION, number), source, ("element",))
    i, j = found
    section = plan.sections[i]
    if section.subsection(to) is not None:
        raise NumberTaken(f"subsection {to} already exists in section {section.number}", path=("to",))
    sub = section.subsections[j]
    change = note_for_element(source, ChangeKind.RENUMBERED, "subsection", number, to=to)
    sub = evolve(sub, number=to, uid=sub.uid or number, history=sub.history + (change,))
    subs = section.subsections
    _with_section(editor, i, evolve(section, subsections=subs[:j] + (sub,) + subs[j + 1 :]))
    rows = [r for r in editor.rows if r.section == section.number and r.subsection == number]
    _moved_rows(editor, rows, subsection=to)
