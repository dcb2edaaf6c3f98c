"""What an amending act can do to a plan, as data. Applying them lives in ``apply.py``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import Field, PositiveInt

from .base import Frozen
from .model import ElementNumber, Identifier
from .numbers import RowNumber
from .unknown import NonBlank, Text

__all__ = [
    "NewRow", "ReplaceRow", "InsertRows", "DeleteRow", "ReplaceCells", "ReplaceWords",
    "AddAbbreviations", "ReplaceAbbreviation", "DeleteAbbreviation", "SetTitle", "AddSection",
    "AddSubsection", "RepealPlan", "Operation",
]


class _Op(Frozen):
    # Staggered commencement: this operation takes effect on its own date, not the act's.
    in_force: dt.date | None = None


class NewRow(Frozen):
    """A row's number and its cells, as an amendment quotes it."""

    number: RowNumber
    cells: dict[Identifier, Text]


class ReplaceRow(_Op):
    """"N-жол мынадай редакцияда жазылсын": the row in new wording (every cell)."""

    op: Literal["replace_row"]
    row: RowNumber
    section: ElementNumber | None = None  # a check: the row must be in this section
    cells: dict[Identifier, Text]


class InsertRows(_Op):
    """"... мынадай мазмұндағы N-жолмен толықтырылсын": new rows, each placed after its parent."""

    op: Literal["insert_rows"]
    section: ElementNumber
    subsection: ElementNumber | None = None
    rows: tuple[NewRow, ...] = Field(min_length=1)


class DeleteRow(_Op):
    """"N-жол алып тасталсын"."""

    op: Literal["delete_row"]
    row: RowNumber
    section: ElementNumber | None = None


class ReplaceCells(_Op):
    """Some cells of a row in new wording."""

    op: Literal["replace_cells"]
    row: RowNumber
    section: ElementNumber | None = None
    cells: dict[Identifier, Text] = Field(min_length=1)


class ReplaceWords(_Op):
    """""X" деген сөздер "Y" деген сөздермен ауыстырылсын", in a cell, a row, a column or the plan."""

    op: Literal["replace_words"]
    old: NonBlank
    new: str  # may be empty: words can be struck out
    occurrences: PositiveInt
    row: RowNumber | None = None
    column: Identifier | None = None
    section: ElementNumber | None = None


class AddAbbreviations(_Op):
    """The note is supplemented with lines, appended in the given order."""

    op: Literal["add_abbreviations"]
    entries: dict[NonBlank, Text] = Field(min_length=1)


class ReplaceAbbreviation(_Op):
    """A line of the note in new wording."""

    op: Literal["replace_abbreviation"]
    code: NonBlank
    expansion: Text


class DeleteAbbreviation(_Op):
    """A line of the note struck out."""

    op: Literal["delete_abbreviation"]
    code: NonBlank


class SetTitle(_Op):
    """A section's or subsection's heading in new wording."""

    op: Literal["set_title"]
    section: ElementNumber
    subsection: ElementNumber | None = None
    title: Text


class AddSection(_Op):
    """A new section, after ``after`` (or at the end)."""

    op: Literal["add_section"]
    number: ElementNumber
    title: Text
    after: ElementNumber | None = None


class AddSubsection(_Op):
    """A new subsection of a section, after ``after`` (or at the end of the section's subsections)."""

    op: Literal["add_subsection"]
    section: ElementNumber
    number: ElementNumber
    title: Text
    after: ElementNumber | None = None


class RepealPlan(_Op):
    """The plan ceases to have effect."""

    op: Literal["repeal_plan"]


Operation = Annotated[
    Union[ReplaceRow, InsertRows, DeleteRow, ReplaceCells, ReplaceWords, AddAbbreviations,
          ReplaceAbbreviation, DeleteAbbreviation, SetTitle, AddSection, AddSubsection, RepealPlan],
    Field(discriminator="op"),
]
