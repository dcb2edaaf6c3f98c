"""What an amending act can do to a plan, as data. Applying them lives in ``apply.py``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, PositiveInt

from amend.engine.base import Frozen
from amend.engine.elements import Effect, Element, ElementKind, Touch
from amend.engine.model import ElementNumber, Identifier
from amend.engine.numbers import RowNumber
from amend.engine.unknown import UNKNOWN, NonBlank, Text

if TYPE_CHECKING:
    from amend.engine.model import Plan

__all__ = [
    "ActOperation",
    "AddAbbreviations",
    "AddSection",
    "AddSubsection",
    "CorrectAct",
    "DeleteAbbreviation",
    "DeleteRow",
    "ForceOperation",
    "InsertRows",
    "NewRow",
    "Operation",
    "RepealAct",
    "RepealPlan",
    "ReplaceAbbreviation",
    "ReplaceCells",
    "ReplaceRow",
    "ReplaceWords",
    "RescheduleAct",
    "ResumePlan",
    "SetTitle",
    "SuspendPlan",
]


class _Op(Frozen):
    # Staggered commencement: this operation takes effect on its own date, not the act's.
    in_force: dt.date | None = None

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        """The elements this operation reads, changes, creates and deletes when applied to ``plan``."""
        raise NotImplementedError  # every operation overrides it


def _row(number: object) -> Element:
    return Element(ElementKind.ROW, str(number))


def _heading(number: str) -> Element:
    # 1.2 is a subsection, 1 a section (the reading the notes and the comparative table share).
    return Element(ElementKind.SUBSECTION if "." in number else ElementKind.SECTION, number)


def _section_reads(section: str | None, subsection: str | None) -> tuple[Touch, ...]:
    reads = []
    if section is not None:
        reads.append(Touch(Element(ElementKind.SECTION, section), Effect.READS, ("section",)))
    if subsection is not None:
        reads.append(Touch(Element(ElementKind.SUBSECTION, subsection), Effect.READS, ("subsection",)))
    return tuple(reads)


class NewRow(Frozen):
    """A row's number and its cells, as an amendment quotes it."""

    number: RowNumber
    cells: dict[Identifier, Text]


class ReplaceRow(_Op):
    """ "N-жол мынадай редакцияда жазылсын": the row in new wording (every cell)."""

    op: Literal["replace_row"]
    row: RowNumber
    section: ElementNumber | None = None  # a check: the row must be in this section
    cells: dict[Identifier, Text]

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (
            Touch(_row(self.row), Effect.CHANGES, ("row",), plan.column_ids, ("cells",), True),
            *_section_reads(self.section, None),
        )


class InsertRows(_Op):
    """ "... мынадай мазмұндағы N-жолмен толықтырылсын": new rows, each placed after its parent."""

    op: Literal["insert_rows"]
    section: ElementNumber
    subsection: ElementNumber | None = None
    rows: tuple[NewRow, ...] = Field(min_length=1)

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        found: list[Touch] = list(_section_reads(self.section, self.subsection))
        for k, new in enumerate(self.rows):
            if new.number.parent is not None:
                found.append(Touch(_row(new.number.parent), Effect.READS, ("rows", k, "number")))
            found.append(
                Touch(
                    _row(new.number), Effect.CREATES, ("rows", k, "number"), plan.column_ids, ("rows", k, "cells"), True
                )
            )
        return tuple(found)


class DeleteRow(_Op):
    """ "N-жол алып тасталсын"."""

    op: Literal["delete_row"]
    row: RowNumber
    section: ElementNumber | None = None

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(_row(self.row), Effect.DELETES, ("row",)), *_section_reads(self.section, None))


class ReplaceCells(_Op):
    """Some cells of a row in new wording."""

    op: Literal["replace_cells"]
    row: RowNumber
    section: ElementNumber | None = None
    cells: dict[Identifier, Text] = Field(min_length=1)

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        columns = tuple(c for c in plan.column_ids if c in self.cells)
        return (
            Touch(_row(self.row), Effect.CHANGES, ("row",), columns, ("cells",), True),
            *_section_reads(self.section, None),
        )


class ReplaceWords(_Op):
    """ ""X" деген сөздер "Y" деген сөздермен ауыстырылсын", in a cell, a row, a column or the plan."""

    op: Literal["replace_words"]
    old: NonBlank
    new: str  # may be empty: words can be struck out
    occurrences: PositiveInt
    row: RowNumber | None = None
    column: Identifier | None = None
    section: ElementNumber | None = None

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        """The rows in scope whose known text holds the words: those the replacement changes."""
        columns = (self.column,) if self.column else plan.column_ids
        if self.row is not None:
            return (
                Touch(_row(self.row), Effect.CHANGES, ("row",), columns, ("new",)),
                *_section_reads(self.section, None),
            )
        rows = plan.rows if self.section is None else [r for r in plan.rows if r.section == self.section]
        return (
            *_section_reads(self.section, None),
            *(
                Touch(_row(r.number), Effect.CHANGES, ("old",), columns, ("new",))
                for r in rows
                if any(
                    r.cells.get(c, UNKNOWN) is not UNKNOWN and self.old in r.cells[c]  # type: ignore[operator]
                    for c in columns
                )
            ),
        )


class AddAbbreviations(_Op):
    """The note is supplemented with lines, appended in the given order."""

    op: Literal["add_abbreviations"]
    entries: dict[NonBlank, Text] = Field(min_length=1)

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return tuple(
            Touch(Element(ElementKind.ABBREVIATION, code), Effect.CREATES, ("entries", code)) for code in self.entries
        )


class ReplaceAbbreviation(_Op):
    """A line of the note in new wording."""

    op: Literal["replace_abbreviation"]
    code: NonBlank
    expansion: Text

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(Element(ElementKind.ABBREVIATION, self.code), Effect.CHANGES, ("code",)),)


class DeleteAbbreviation(_Op):
    """A line of the note struck out."""

    op: Literal["delete_abbreviation"]
    code: NonBlank

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(Element(ElementKind.ABBREVIATION, self.code), Effect.DELETES, ("code",)),)


class SetTitle(_Op):
    """A section's or subsection's heading in new wording."""

    op: Literal["set_title"]
    section: ElementNumber
    subsection: ElementNumber | None = None
    title: Text

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        if self.subsection is None:
            return (Touch(Element(ElementKind.SECTION, self.section), Effect.CHANGES, ("section",)),)
        return (
            Touch(Element(ElementKind.SECTION, self.section), Effect.READS, ("section",)),
            Touch(Element(ElementKind.SUBSECTION, self.subsection), Effect.CHANGES, ("subsection",)),
        )


class AddSection(_Op):
    """A new section, after ``after`` (or at the end)."""

    op: Literal["add_section"]
    number: ElementNumber
    title: Text
    after: ElementNumber | None = None

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        after = (
            () if self.after is None else (Touch(Element(ElementKind.SECTION, self.after), Effect.READS, ("after",)),)
        )
        return (*after, Touch(Element(ElementKind.SECTION, self.number), Effect.CREATES, ("number",)))


class AddSubsection(_Op):
    """A new subsection of a section, after ``after`` (or at the end of the section's subsections)."""

    op: Literal["add_subsection"]
    section: ElementNumber
    number: ElementNumber
    title: Text
    after: ElementNumber | None = None

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        after = (
            ()
            if self.after is None
            else (Touch(Element(ElementKind.SUBSECTION, self.after), Effect.READS, ("after",)),)
        )
        return (
            Touch(Element(ElementKind.SECTION, self.section), Effect.READS, ("section",)),
            *after,
            Touch(Element(ElementKind.SUBSECTION, self.number), Effect.CREATES, ("number",)),
        )


class RepealPlan(_Op):
    """The plan ceases to have effect."""

    op: Literal["repeal_plan"]

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(Element(ElementKind.PLAN, ""), Effect.DELETES, ("op",)),)


# -- acts that amend acts (issue 14) -----------------------------------------------------------------
# These operations target another amending act of the same plan, not the plan. They never reach
# ``apply``: ``timeline.schedule`` resolves them (amend/engine/chains.py) before the order rule sorts,
# so consolidation re-applies everything with the target act's new dates, text or extent.


def _act(number: str) -> Element:
    return Element(ElementKind.ACT, number)


class RescheduleAct(_Op):
    """Another act's entry into force moved to ``date`` (postponed or brought forward), wholly or in part.

    Without ``operations`` the act's own entry into force moves (operations with their own
    ``in_force`` keep it); with them, those operations (1-based, in the target's file order) move.
    """

    op: Literal["reschedule_act"]
    act: ElementNumber
    operations: tuple[PositiveInt, ...] | None = Field(default=None, min_length=1)
    date: dt.date

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(_act(self.act), Effect.CHANGES, ("act",)),)


class CorrectAct(_Op):
    """ ""X" деген сөздер "Y" деген сөздермен ауыстырылсын" in the text of one operation of another act."""

    op: Literal["correct_act"]
    act: ElementNumber
    operation: PositiveInt  # 1-based, in the target act's file order
    old: NonBlank
    new: str  # may be empty: words can be struck out
    occurrences: PositiveInt

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(_act(self.act), Effect.CHANGES, ("act",)),)


class RepealAct(_Op):
    """Another act repealed ("күші жойылды деп танылсын"), wholly or some of its operations (1-based).

    Its operations that would take effect on or after the repeal's day never do; those already in
    effect stay in the plan's text (they were incorporated into it) and the act is recorded as repealed.
    """

    op: Literal["repeal_act"]
    act: ElementNumber
    operations: tuple[PositiveInt, ...] | None = Field(default=None, min_length=1)

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(_act(self.act), Effect.DELETES, ("act",)),)


class SuspendPlan(_Op):
    """ "қолданылуы тоқтатыла тұрсын": the plan's force suspended from this operation's day until ``until``
    (the first day it applies again), or until an act resumes it. Its text is unchanged."""

    op: Literal["suspend_plan"]
    until: dt.date | None = None

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(Element(ElementKind.PLAN, ""), Effect.CHANGES, ("op",)),)


class ResumePlan(_Op):
    """A suspended plan applies again from this operation's day."""

    op: Literal["resume_plan"]

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(Element(ElementKind.PLAN, ""), Effect.CHANGES, ("op",)),)


ActOperation = RescheduleAct | CorrectAct | RepealAct
# Operations on the plan's force, not its text: the schedule records them (Timeline.suspensions).
ForceOperation = SuspendPlan | ResumePlan


Operation = Annotated[
    ReplaceRow
    | InsertRows
    | DeleteRow
    | ReplaceCells
    | ReplaceWords
    | AddAbbreviations
    | ReplaceAbbreviation
    | DeleteAbbreviation
    | SetTitle
    | AddSection
    | AddSubsection
    | RepealPlan
    | RescheduleAct
    | CorrectAct
    | RepealAct
    | SuspendPlan
    | ResumePlan,
    Field(discriminator="op"),
]
