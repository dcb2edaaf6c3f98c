"""What an amending act can do to a plan, as data, and what each says of itself: the elements it touches, the
texts it writes, its scope. Applying them is the plan editor's (``editor.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self, cast

from pydantic import BaseModel, Field, PositiveInt, StringConstraints

from amend.engine.acts import ActPoint
from amend.engine.base import Frozen
from amend.engine.elements import ELEMENT_PATTERN, Effect, Element, ElementKind, Touch, parse_element
from amend.engine.numbers import RowNumber
from amend.engine.records import ElementNumber, Identifier
from amend.engine.unknown import UNKNOWN, NonBlank, Text

if TYPE_CHECKING:
    from amend.engine.model import Plan, Row

__all__ = [
    "ActOperation",
    "AddAbbreviations",
    "AddColumn",
    "AddSection",
    "AddSubsection",
    "CorrectAct",
    "DeleteAbbreviation",
    "DeleteColumn",
    "DeleteRow",
    "DeleteSection",
    "DeleteSubsection",
    "DeleteText",
    "ForceOperation",
    "InsertRows",
    "InsertText",
    "MoveRow",
    "NewRow",
    "NewSubsection",
    "Operation",
    "PlacedRow",
    "RenameColumn",
    "Renumber",
    "RepealAct",
    "RepealPlan",
    "ReplaceAbbreviation",
    "ReplaceCells",
    "ReplaceRow",
    "ReplaceSignatory",
    "ReplaceText",
    "ReplaceWords",
    "ReplaceWordsIn",
    "RescheduleAct",
    "ResumePlan",
    "SetTitle",
    "StructureOperation",
    "SuspendPlan",
]


class _Op(Frozen):
    # Staggered commencement: this operation takes effect on its own date, not the act's.
    in_force: dt.date | None = None
    # Why the act makes this change (the comparative table's "Негіздеме"); None: the act's reason applies.
    reason: Text | None = None

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        """The elements this operation reads, changes, creates and deletes when applied to ``plan``."""
        raise NotImplementedError  # every operation overrides it

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        """The Kazakh texts this operation writes into the plan, each with its path inside the operation (what
        a correction of the act's text, ``correct_act``, reads and rewrites); none for a kind that writes no
        text (a deletion, a move, a renumbering, a repeal, an act's directive)."""
        return ()

    def with_texts(self, texts: Mapping[TextPath, Text]) -> Self:
        """A copy with the texts at the given paths (``texts``'s) in new wording; the rest shared."""
        found: Any = self
        for path, text in texts.items():
            found = _with(found, path, text)
        return cast(Self, found)

    def touches_read_rows(self) -> bool:
        """Whether ``touches`` reads the plan's rows (else it reads at most the plan's columns): the day step
        works the touches out from the plan the operation applied to only where they do."""
        return False


TextPath = tuple[str | int, ...]


def _with(value: Any, path: TextPath, text: Text) -> Any:
    """``value`` with ``text`` at ``path`` (field names, dictionary keys as written, tuple indices)."""
    if not path:
        return text
    key, rest = path[0], path[1:]
    if isinstance(value, BaseModel):
        assert isinstance(key, str)
        return value.model_copy(update={key: _with(getattr(value, key), rest, text)})
    if isinstance(value, dict):
        found = next(k for k in value if str(k) == str(key))  # a RowNumber key is named by its text
        return {**value, found: _with(value[found], rest, text)}
    assert isinstance(value, tuple) and isinstance(key, int)
    return (*value[:key], _with(value[key], rest, text), *value[key + 1 :])


def _cells(path: TextPath, cells: Mapping[Any, Text]) -> tuple[tuple[TextPath, Text], ...]:
    return tuple(((*path, str(c)), t) for c, t in cells.items())


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
    # The Russian cells where the act's Russian text gives them; the others are UNKNOWN in Russian.
    cells_ru: dict[Identifier, Text] = {}  # noqa: RUF012


class ReplaceRow(_Op):
    """ "N-жол мынадай редакцияда жазылсын": the row in new wording (every cell)."""

    op: Literal["replace_row"]
    row: RowNumber
    section: ElementNumber | None = None  # a check: the row must be in this section
    cells: dict[Identifier, Text]
    cells_ru: dict[Identifier, Text] = {}  # noqa: RUF012

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return _cells(("cells",), self.cells)

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

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return tuple(t for k, r in enumerate(self.rows) for t in _cells(("rows", k, "cells"), r.cells))

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
    cells_ru: dict[Identifier, Text] = {}  # noqa: RUF012

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return _cells(("cells",), self.cells)

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        columns = tuple(c for c in plan.column_ids if c in self.cells)
        return (
            Touch(_row(self.row), Effect.CHANGES, ("row",), columns, ("cells",), True),
            *_section_reads(self.section, None),
        )


class ReplaceWords(_Op):
    """ ""X" деген сөздер "Y" деген сөздермен ауыстырылсын", in a cell, a row, a column or the plan.

    The Russian cells get ``old_ru`` -> ``new_ru`` where the act's Russian text gives them (``occurrences_ru``
    times in the known Russian cells of the scope, default ``occurrences``); without ``old_ru`` the Russian
    text of every cell the Kazakh replacement changes becomes UNKNOWN."""

    op: Literal["replace_words"]
    old: NonBlank
    new: str  # may be empty: words can be struck out
    occurrences: PositiveInt
    row: RowNumber | None = None
    column: Identifier | None = None
    section: ElementNumber | None = None
    old_ru: NonBlank | None = None
    new_ru: str | None = None  # may be empty; None (with old_ru): empty
    occurrences_ru: PositiveInt | None = None

    @property
    def expected_ru(self) -> int:
        """How many times ``old_ru`` must occur in the known Russian cells of the scope."""
        return self.occurrences if self.occurrences_ru is None else self.occurrences_ru

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return ((("new",), self.new),) if self.new else ()  # struck-out words write no text

    # -- its scope, worked out here only ------------------------------------------------------------

    def columns(self, column_ids: tuple[str, ...]) -> tuple[str, ...]:
        """The columns of its scope, of a plan with columns ``column_ids``."""
        return (self.column,) if self.column else column_ids

    def in_scope(self, row: Row) -> bool:
        """Whether ``row`` is in its scope: the row it names, else its section's rows, else every row."""
        if self.row is not None:
            return row.number == self.row
        return self.section is None or row.section == self.section

    def scope(self, plan: Plan) -> tuple[list[Row], tuple[str, ...]]:
        """The rows of its scope in ``plan`` (the row it names, where ``plan`` has it) and its columns."""
        columns = self.columns(plan.column_ids)
        if self.row is not None:
            found = plan.row(self.row)
            return ([found] if found is not None else []), columns
        return [r for r in plan.rows if self.in_scope(r)], columns

    def holds_words(self, row: Row, columns: tuple[str, ...]) -> bool:
        """Whether the known text of ``row`` in ``columns`` holds the words (Kazakh or Russian)."""
        return any(
            row.cells.get(c, UNKNOWN) is not UNKNOWN and self.old in row.cells[c]  # type: ignore[operator]
            for c in columns
        ) or (self.old_ru is not None and any(self.old_ru in str(row.cells_ru.get(c, "")) for c in columns))

    def scope_words(self) -> str:
        """Its scope in words, as an error names it: "row 6, column form", "section 2", "the whole plan"."""
        if self.row is not None:
            return f"row {self.row}" + (f", column {self.column}" if self.column else "")
        if self.column is not None:
            return f"column {self.column}"
        return f"section {self.section}" if self.section else "the whole plan"

    def touches_read_rows(self) -> bool:
        return self.row is None  # a replacement over a section or the plan touches the rows holding the words

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        """The rows in scope whose known text holds the words: those the replacement changes."""
        if self.row is not None:
            return (
                Touch(_row(self.row), Effect.CHANGES, ("row",), self.columns(plan.column_ids), ("new",)),
                *_section_reads(self.section, None),
            )
        rows, columns = self.scope(plan)
        return (
            *_section_reads(self.section, None),
            *(
                Touch(_row(r.number), Effect.CHANGES, ("old",), columns, ("new",))
                for r in rows
                if self.holds_words(r, columns)
            ),
        )


class AddAbbreviations(_Op):
    """The note is supplemented with lines, appended in the given order."""

    op: Literal["add_abbreviations"]
    entries: dict[NonBlank, Text] = Field(min_length=1)
    entries_ru: dict[NonBlank, Text] = {}  # noqa: RUF012
    # The Russian code of a Kazakh one (ОМ: МП), where the act's Russian text gives it.
    codes_ru: dict[NonBlank, NonBlank] = {}  # noqa: RUF012

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return _cells(("entries",), self.entries)

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return tuple(
            Touch(Element(ElementKind.ABBREVIATION, code), Effect.CREATES, ("entries", code), text=("entries", code))
            for code in self.entries
        )


class ReplaceAbbreviation(_Op):
    """A line of the note in new wording."""

    op: Literal["replace_abbreviation"]
    code: NonBlank
    expansion: Text
    expansion_ru: Text = UNKNOWN
    code_ru: NonBlank | None = None  # the Russian code; None: the line's Russian code is unchanged

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return ((("expansion",), self.expansion),)

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(Element(ElementKind.ABBREVIATION, self.code), Effect.CHANGES, ("code",), text=("expansion",)),)


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
    title_ru: Text = UNKNOWN

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return ((("title",), self.title),)

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        if self.subsection is None:
            return (Touch(Element(ElementKind.SECTION, self.section), Effect.CHANGES, ("section",), text=("title",)),)
        return (
            Touch(Element(ElementKind.SECTION, self.section), Effect.READS, ("section",)),
            Touch(Element(ElementKind.SUBSECTION, self.subsection), Effect.CHANGES, ("subsection",), text=("title",)),
        )


class NewSubsection(Frozen):
    """A subsection that a new section comes with."""

    number: ElementNumber
    title: Text
    title_ru: Text = UNKNOWN


class PlacedRow(NewRow):
    """A row that a new section comes with, and the subsection of it that the row is in (if any)."""

    subsection: ElementNumber | None = None


def _new_rows(plan: Plan, rows: tuple[NewRow, ...]) -> tuple[Touch, ...]:
    return tuple(
        Touch(_row(new.number), Effect.CREATES, ("rows", k, "number"), plan.column_ids, ("rows", k, "cells"), True)
        for k, new in enumerate(rows)
    )


class AddSection(_Op):
    """A new section, after ``after`` (or at the end), with its subsections and rows, if the act gives them."""

    op: Literal["add_section"]
    number: ElementNumber
    title: Text
    after: ElementNumber | None = None
    title_ru: Text = UNKNOWN
    subsections: tuple[NewSubsection, ...] = ()
    rows: tuple[PlacedRow, ...] = ()

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return (
            (("title",), self.title),
            *((("subsections", k, "title"), sub.title) for k, sub in enumerate(self.subsections)),
            *(t for k, r in enumerate(self.rows) for t in _cells(("rows", k, "cells"), r.cells)),
        )

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        after = (
            () if self.after is None else (Touch(Element(ElementKind.SECTION, self.after), Effect.READS, ("after",)),)
        )
        subs = tuple(
            Touch(Element(ElementKind.SUBSECTION, s.number), Effect.CREATES, ("subsections", k, "number"))
            for k, s in enumerate(self.subsections)
        )
        return (
            *after,
            Touch(Element(ElementKind.SECTION, self.number), Effect.CREATES, ("number",), text=("title",)),
            *subs,
            *_new_rows(plan, self.rows),
        )


class AddSubsection(_Op):
    """A new subsection of a section, after ``after`` (or at the end of the section's subsections), with its
    rows if the act gives them."""

    op: Literal["add_subsection"]
    section: ElementNumber
    number: ElementNumber
    title: Text
    after: ElementNumber | None = None
    title_ru: Text = UNKNOWN
    rows: tuple[NewRow, ...] = ()

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return (
            (("title",), self.title),
            *(t for k, r in enumerate(self.rows) for t in _cells(("rows", k, "cells"), r.cells)),
        )

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        after = (
            ()
            if self.after is None
            else (Touch(Element(ElementKind.SUBSECTION, self.after), Effect.READS, ("after",)),)
        )
        return (
            Touch(Element(ElementKind.SECTION, self.section), Effect.READS, ("section",)),
            *after,
            Touch(Element(ElementKind.SUBSECTION, self.number), Effect.CREATES, ("number",), text=("title",)),
            *_new_rows(plan, self.rows),
        )


class RepealPlan(_Op):
    """The plan ceases to have effect."""

    op: Literal["repeal_plan"]

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(Element(ElementKind.PLAN, ""), Effect.DELETES, ("op",)),)


# -- acts that amend acts ----------------------------------------------------------------------------
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


# -- the whole resolution and its structure ---------------------------------------------------------
# The resolution's own title, preamble, points and signatory, the annex's title and notes, and the
# structure of the annex's table: renumbering, moving rows, columns, deleting (sub)sections with their
# rows. Applied by the plan editor (``editor_texts``, ``editor_columns``, ``editor_structure``, ``editor_headings``).

ElementRef = Annotated[str, StringConstraints(pattern=ELEMENT_PATTERN)]


def _element(ref: str) -> Element:
    return parse_element(ref)


class ReplaceText(_Op):
    """ "1-тармақ мынадай редакцияда жазылсын": the resolution's title, preamble, a point or sub-point, the
    annex's title or one of its notes in new wording."""

    op: Literal["replace_text"]
    element: ElementRef  # title | preamble | point N | point N.M | annex_title | note N
    text: Text
    text_ru: Text = UNKNOWN  # the Russian text, where the act's Russian version gives it
    # A point in new wording comes with its sub-points (its old ones go): "2-тармақ мынадай редакцияда".
    subpoints: tuple[ActPoint, ...] = ()

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return (
            (("text",), self.text),
            *((("subpoints", k, "text"), p.text) for k, p in enumerate(self.subpoints)),
        )

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(_element(self.element), Effect.CHANGES, ("element",), (), ("text",)),)


class InsertText(_Op):
    """ "... мынадай мазмұндағы 5-тармақпен толықтырылсын": a new point, sub-point or note of the annex
    (or a preamble), after ``after`` (a number of the same level), else after the last one."""

    op: Literal["insert_text"]
    element: ElementRef  # point N | point N.M | note N | preamble
    text: Text
    text_ru: Text = UNKNOWN
    after: ElementNumber | None = None

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return ((("text",), self.text),)

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(_element(self.element), Effect.CREATES, ("element",), (), ("text",)),)


class DeleteText(_Op):
    """ "2-тармақ алып тасталсын": a point, sub-point, note of the annex, or the preamble struck out."""

    op: Literal["delete_text"]
    element: ElementRef  # point N | point N.M | note N | preamble

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(_element(self.element), Effect.DELETES, ("element",)),)


class ReplaceSignatory(_Op):
    """The signatory's position and name in new wording."""

    op: Literal["replace_signatory"]
    position: Text
    name: Text
    position_ru: Text = UNKNOWN
    name_ru: Text = UNKNOWN

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return ((("position",), self.position), (("name",), self.name))

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(Element(ElementKind.SIGNATORY, ""), Effect.CHANGES, ("op",), (), ("name",)),)


class ReplaceWordsIn(_Op):
    """ ""X" деген сөздер "Y" деген сөздермен ауыстырылсын" in one text that is not a cell: a title, the
    preamble, a point, the annex's title, a note, a (sub)section title, an abbreviation's expansion, a
    column title. The Russian text gets ``old_ru`` -> ``new_ru`` where given; else it becomes UNKNOWN."""

    op: Literal["replace_words_in"]
    element: ElementRef
    old: NonBlank
    new: str  # may be empty: words can be struck out
    occurrences: PositiveInt
    old_ru: NonBlank | None = None
    new_ru: str | None = None
    occurrences_ru: PositiveInt | None = None  # checked where the Russian text is known; default: it occurs

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return ((("new",), self.new),) if self.new else ()

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(_element(self.element), Effect.CHANGES, ("element",), (), ("new",)),)


class Renumber(_Op):
    """A row, section or subsection under a new number. It keeps its identity, so its history and notes
    follow it (the number is temporal, the identity stable: USLM's @temporalId and @id)."""

    op: Literal["renumber"]
    element: ElementRef  # row N | section N | subsection N.M
    to: ElementNumber

    def touches_read_rows(self) -> bool:
        return True

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        element = _element(self.element)
        found = [Touch(element, Effect.CHANGES, ("element",))]
        if element.kind is ElementKind.SECTION:  # its rows now name the new number
            found += [
                Touch(_row(r.number), Effect.CHANGES, ("element",)) for r in plan.rows if r.section == element.key
            ]
        elif element.kind is ElementKind.SUBSECTION:
            found += [
                Touch(_row(r.number), Effect.CHANGES, ("element",)) for r in plan.rows if r.subsection == element.key
            ]
        return tuple(found)


class MoveRow(_Op):
    """A row moved to another section or subsection (``subsection`` omitted: in none), under a new number
    ``to`` if the act gives one."""

    op: Literal["move_row"]
    row: RowNumber
    section: ElementNumber
    subsection: ElementNumber | None = None
    to: RowNumber | None = None

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (
            Touch(_row(self.row), Effect.CHANGES, ("row",)),
            *_section_reads(self.section, self.subsection),
        )


class AddColumn(_Op):
    """A new column of the table, after column ``after`` (else last). Existing rows' new cells are UNKNOWN
    unless ``cells`` gives them (by row number)."""

    op: Literal["add_column"]
    id: Identifier
    title: Text
    title_ru: Text = UNKNOWN
    role: Literal["text", "executors", "amount", "funding"] = "text"
    after: Identifier | None = None
    cells: dict[RowNumber, Text] = {}  # noqa: RUF012

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return ((("title",), self.title), *_cells(("cells",), self.cells))

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (
            Touch(Element(ElementKind.COLUMN, self.id), Effect.CREATES, ("id",)),
            *(
                Touch(_row(number), Effect.CHANGES, ("cells", str(number)), (self.id,), ("cells", str(number)))
                for number in self.cells
            ),
        )


class DeleteColumn(_Op):
    """A column struck out of the table, with every row's cell in it."""

    op: Literal["delete_column"]
    id: Identifier

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(Element(ElementKind.COLUMN, self.id), Effect.DELETES, ("id",)),)


class RenameColumn(_Op):
    """A column's title in new wording (the column keeps its id, so its cells stay with it)."""

    op: Literal["rename_column"]
    id: Identifier
    title: Text
    title_ru: Text = UNKNOWN

    def texts(self) -> tuple[tuple[TextPath, Text], ...]:
        return ((("title",), self.title),)

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (Touch(Element(ElementKind.COLUMN, self.id), Effect.CHANGES, ("id",), (), ("title",)),)


class DeleteSection(_Op):
    """A section struck out with its subsections and rows."""

    op: Literal["delete_section"]
    number: ElementNumber

    def touches_read_rows(self) -> bool:
        return True

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (
            Touch(Element(ElementKind.SECTION, self.number), Effect.DELETES, ("number",)),
            *(Touch(_row(r.number), Effect.DELETES, ("number",)) for r in plan.rows if r.section == self.number),
        )


class DeleteSubsection(_Op):
    """A subsection struck out with its rows."""

    op: Literal["delete_subsection"]
    section: ElementNumber
    number: ElementNumber

    def touches_read_rows(self) -> bool:
        return True

    def touches(self, plan: Plan) -> tuple[Touch, ...]:
        return (
            Touch(Element(ElementKind.SECTION, self.section), Effect.READS, ("section",)),
            Touch(Element(ElementKind.SUBSECTION, self.number), Effect.DELETES, ("number",)),
            *(
                Touch(_row(r.number), Effect.DELETES, ("number",))
                for r in plan.rows
                if r.section == self.section and r.subsection == self.number
            ),
        )


StructureOperation = (
    ReplaceText
    | InsertText
    | DeleteText
    | ReplaceSignatory
    | ReplaceWordsIn
    | Renumber
    | MoveRow
    | AddColumn
    | DeleteColumn
    | RenameColumn
    | DeleteSection
    | DeleteSubsection
)
"""The operations on the whole resolution and on the annex's structure."""


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
    | ResumePlan
    | StructureOperation,
    Field(discriminator="op"),
]
