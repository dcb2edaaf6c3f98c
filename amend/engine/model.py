"""A plan as it stands in one version: columns, sections, rows in document order, the abbreviations note."""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cached_property, lru_cache
from typing import Any, ClassVar, Literal, NamedTuple

from pydantic import BaseModel, Field, GetCoreSchemaHandler, field_validator
from pydantic_core import core_schema

from amend.engine.acts import Act, EntryIntoForce
from amend.engine.base import Frozen, Lean
from amend.engine.legal import AmendingActs, DeclaredPeriod
from amend.engine.numbers import RowNumber
from amend.engine.provenance import Change, with_change
from amend.engine.records import Change as ChangeRecord
from amend.engine.records import ElementNumber, Identifier
from amend.engine.records import Row as RowRecord
from amend.engine.rows import Rows
from amend.engine.unknown import UNKNOWN, Text, Unknown
from amend.language.letters import KAZAKH_UPPER

__all__ = ["Abbreviation", "AnnexNote", "Column", "Plan", "Row", "RowPlace", "Section", "Subsection", "executor_codes"]


class Column(Frozen):
    """A column of the plan's table. The row number column is implicit."""

    id: Identifier
    title: Text
    # executors: codes in this column must be defined in the abbreviations note.
    role: Literal["text", "executors", "amount", "funding"] = "text"
    # Russian texts: only where a source gives them (UNKNOWN otherwise), never a translation of ours.
    title_ru: Text = UNKNOWN


class Subsection(Frozen):
    """A subsection such as ``1.2. Орта мерзімді шаралар``."""

    number: ElementNumber
    title: Text
    history: tuple[Change, ...] = ()
    title_ru: Text = UNKNOWN
    # The stable identity (the number it had when the plan or the act that created it gave it), set only
    # once it is renumbered: its number is the temporal one (USLM's @temporalId), this its @id.
    uid: str | None = None


class Section(Frozen):
    """A section of the plan, with its subsections in order."""

    number: ElementNumber
    title: Text
    subsections: tuple[Subsection, ...] = ()
    history: tuple[Change, ...] = ()
    title_ru: Text = UNKNOWN
    uid: str | None = None

    def subsection(self, number: str) -> Subsection | None:
        """The subsection with this number, if the section has it."""
        return next((s for s in self.subsections if s.number == number), None)


class RowPlace(NamedTuple):
    """Where a row stands and who it is: kept by every version of the row until it moves or is renumbered."""

    number: RowNumber
    section: str
    # None: the row is in no subsection; UNKNOWN: the sources do not say which.
    subsection: str | Unknown | None
    # The stable identity, set once the row is renumbered (see Subsection.uid); history follows it.
    uid: str | None


class Row(Lean):
    """A numbered measure: where it sits, its cells by column id, and how it came to read so.

    A lean record (base.Lean): its place (number, section, subsection, identity) is one tuple that the
    versions of the row share, so a change to its cells sets four slots. Validated and described in the
    JSON schema as ``records.Row``.
    """

    __slots__ = ("_place", "cells", "cells_ru", "history")
    _names = ("number", "section", "subsection", "cells", "history", "cells_ru", "uid")
    _defaults: ClassVar[dict[str, Any]] = {"subsection": None, "history": (), "cells_ru": {}, "uid": None}

    _place: RowPlace
    cells: dict[str, Text]
    history: tuple[Change, ...]
    # The Russian cells a source gives, by column id; a column missing here is UNKNOWN in Russian.
    cells_ru: dict[str, Text]

    def __init__(self, **data: Any) -> None:
        """A row validated from ``data`` (as a plan file gives it): a pydantic ValidationError if invalid."""
        built = self.of_record(RowRecord(**data))
        for slot in self.__slots__:
            object.__setattr__(self, slot, getattr(built, slot))

    @classmethod
    def of(cls, **values: Any) -> Row:
        """A row from trusted values; left-out fields take their defaults."""
        get = values.get
        place = RowPlace(values["number"], values["section"], get("subsection"), get("uid"))
        return cls.placed(place, values["cells"], get("history", ()), get("cells_ru", {}))

    @classmethod
    def placed(
        cls, place: RowPlace, cells: dict[str, Text], history: tuple[Change, ...], cells_ru: dict[str, Text]
    ) -> Row:
        """A row from trusted values, its place given whole (``of`` without its keyword arguments)."""
        # Slots set through their descriptors (a row refuses plain assignment; ``object.__setattr__`` looks
        # each name up first): the editor makes one row per operation.
        new = object.__new__(cls)
        _set_place(new, place)
        _set_cells(new, cells)
        _set_history(new, history)
        _set_cells_ru(new, cells_ru)
        return new

    def with_cells(self, cells: dict[str, Text], cells_ru: dict[str, Text], change: Change | None) -> Row:
        """The row with new cells (and a change in its history, if given), in the same place."""
        new = object.__new__(Row)
        _set_place(new, self._place)
        _set_cells(new, cells)
        _set_history(new, self.history if change is None else with_change(self.history, change))
        _set_cells_ru(new, cells_ru)
        return new

    @property
    def number(self) -> RowNumber:
        """Its number (23-1), as it stands now."""
        return self._place.number

    @property
    def section(self) -> str:
        """The section it is in."""
        return self._place.section

    @property
    def subsection(self) -> str | Unknown | None:
        """The subsection it is in: None for none; UNKNOWN where the sources do not say which."""
        return self._place.subsection

    @property
    def uid(self) -> str | None:
        """The stable identity, set once the row is renumbered (see Subsection.uid)."""
        return self._place.uid

    @property
    def identity(self) -> str:
        """The row's stable identity: the number it was created with, whatever it is numbered now."""
        return self.uid if self.uid is not None else str(self.number)

    @classmethod
    def of_record(cls, record: BaseModel) -> Row:
        """The row from the model that validated it (records.Row), its history's changes made lean."""
        values = {name: getattr(record, name) for name in cls._names}
        values["history"] = tuple(map(_change, values["history"]))
        return cls.of(**values)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return cls.record_schema(handler, RowRecord, _row_as_dict)


_set_place = Row.__dict__["_place"].__set__
_set_cells = Row.__dict__["cells"].__set__
_set_history = Row.__dict__["history"].__set__
_set_cells_ru = Row.__dict__["cells_ru"].__set__


def _change(record: ChangeRecord | Change) -> Change:
    return record if isinstance(record, Change) else Change.of_record(record)


def _row_as_dict(row: Row) -> dict[str, Any]:
    values = row.as_dict()
    values["history"] = [c.as_dict() for c in row.history]
    return values


class Abbreviation(Frozen):
    """One line of the note: a code's expansion, and its history."""

    expansion: Text
    history: tuple[Change, ...] = ()
    expansion_ru: Text = UNKNOWN
    # The code in the Russian note (МП for the Kazakh ОМ), where a source gives it; the Kazakh code stays the
    # abbreviation's identity (the note's key).
    code_ru: str | None = None


class AnnexNote(Frozen):
    """A numbered note of the annex (other than the abbreviations note), in Kazakh and Russian."""

    number: ElementNumber
    text: Text
    text_ru: Text = UNKNOWN


class Plan(Frozen):
    """A whole plan in one version. Rows are in document order, which is ascending row-number order."""

    plan: ElementNumber
    act: Act
    entry_into_force: EntryIntoForce | Unknown
    title: Text
    rows_complete: bool = True
    columns: tuple[Column, ...] = Field(min_length=1)
    sections: tuple[Section, ...] = Field(min_length=1)
    rows: Rows[Row]
    abbreviations: dict[str, Abbreviation] = {}  # noqa: RUF012  (pydantic copies field defaults)
    notes: tuple[str, ...] = ()
    # Rows that an act deleted, kept so that a later reference to them can say so.
    deleted_rows: dict[str, Change] = {}  # noqa: RUF012
    repealed: Change | None = None
    # The plan's period when the file states it with a source (else it is read off the title), and
    # whether the file declares its list of amending acts complete (see amend/engine/legal.py).
    period: DeclaredPeriod | None = None
    amending_acts: AmendingActs | None = None
    title_ru: Text = UNKNOWN
    annex_notes: tuple[AnnexNote, ...] = ()
    # The changes to elements that carry no history of their own: the resolution's title, preamble,
    # points and signatory, the annex's title and notes, the columns. Keyed by the element ("point 2").
    texts_history: dict[str, tuple[Change, ...]] = {}  # noqa: RUF012
    # Rows renumbered: identity -> current number (so that a row's history can be followed by identity).
    renumbered: dict[str, str] = {}  # noqa: RUF012

    @field_validator("abbreviations", mode="before")
    @classmethod
    def _expansions(cls, value: Any) -> Any:
        # In a plan file the note is written as plain `code: expansion` lines.
        if isinstance(value, dict):
            return {k: v if isinstance(v, (dict, Abbreviation)) else {"expansion": v} for k, v in value.items()}
        return value

    def position(self, number: RowNumber) -> int:
        """Index at which a row with this number is or would be (rows are sorted, so bisect)."""
        return self.rows.bisect(number.parts)

    def row(self, number: RowNumber) -> Row | None:
        """The row with this number, or None."""
        return self.rows.get(number.parts)

    def row_by_identity(self, identity: str) -> Row | None:
        """The row with this stable identity, whatever its number now (see ``Row.identity``)."""
        current = self.renumbered.get(identity, identity)
        try:
            row = self.rows.get(RowNumber(current).parts)
        except ValueError:
            return None
        return row if row is not None and row.identity == identity else None

    __derived__: ClassVar[dict[str, tuple[str, ...]]] = {
        "columns": ("column_ids", "executor_ids"),
        "sections": ("structure",),
    }

    def section(self, number: str) -> Section | None:
        """The section with this number, or None."""
        return next((s for s in self.sections if s.number == number), None)

    @cached_property
    def structure(self) -> dict[str, tuple[int, dict[str, int]]]:
        """Section number -> (its position, {subsection number: position}): document order at a glance."""
        return {s.number: (i, {x.number: j for j, x in enumerate(s.subsections)}) for i, s in enumerate(self.sections)}

    @cached_property
    def column_ids(self) -> tuple[str, ...]:
        """Column ids in table order."""
        return tuple(c.id for c in self.columns)

    @cached_property
    def executor_ids(self) -> tuple[str, ...]:
        """The ids of the columns whose codes the abbreviations note must define."""
        return tuple(c.id for c in self.columns if c.role == "executors")


_CODE = re.compile(rf"^[A-Z{KAZAKH_UPPER}][A-Z{KAZAKH_UPPER}0-9-]+$")
_PARENTHETICAL = re.compile(r"\([^)]*\)")


def executor_codes(text: str, defined: Container[str] = ()) -> list[str]:
    """The agency codes in an executors cell: ``ОМ, МАМ, БП (келісу бойынша)`` gives ОМ, МАМ, БП.

    A part that the note defines is a code as it stands (``БП ҚСАЕАК``, ``Еңбекмині``). Otherwise
    a part made of upper-case words gives each (``БҒМ ЖББ``, where the source lacks a comma), and
    any other part is prose ("мүдделі органдар"), not a code.
    """
    codes = []
    for part, tokens in _executor_parts(text):
        if part in defined:
            codes.append(part)
        elif tokens:
            codes.extend(tokens)
    return codes


_SEPARATORS = re.compile(r"[,;\n]")


@lru_cache(maxsize=1 << 15)  # a plan of 10,000 rows may hold some thousands of different lists
def _executor_parts(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # (part, its upper-case tokens or () if it is prose); cached: plans repeat the same lists.
    parts = []
    for part in _SEPARATORS.split(_PARENTHETICAL.sub(" ", text)):
        part = " ".join(part.split())
        if part:
            tokens = tuple(part.split())
            parts.append((part, tokens if all(_CODE.match(t) for t in tokens) else ()))
    return tuple(parts)
