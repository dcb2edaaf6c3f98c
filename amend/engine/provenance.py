"""Where each element of a version came from: the changes made to it, with the bank's notes in Kazakh."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from amend.engine.acts import Act, citation, citation_ru
from amend.engine.base import Lean, cached
from amend.engine.legal import act_in_case
from amend.engine.records import Change as ChangeRecord
from amend.engine.records import ChangeKind
from amend.language.notes import (
    ABBREVIATION_NOTE,
    REPEALED,
    amended_suffix,
    corrected_suffix,
    element_names,
    element_note,
    note,
    note_ru,
    row_note,
    section_note,
)

__all__ = [
    "Change",
    "ChangeFacts",
    "ChangeKind",
    "NoteHalves",
    "Source",
    "element_name",
    "note_for_abbreviation",
    "note_for_element",
    "note_for_row",
    "note_for_section",
]


# The fields of a change, in the order they are written and compared.
_FIELDS = ("act", "act_date", "in_force", "kind", "citation", "note", "amended_by", "corrects", "note_ru")


class NoteHalves(NamedTuple):
    """A row's notes for one act and kind of change, cut around the row's number (shared by every change
    the act makes of that kind): the Kazakh note is ``kk_before + number + kk_after``."""

    kk_before: str
    kk_after: str
    ru_before: str
    ru_after: str


class ChangeFacts:
    """What a change says besides its notes, shared by every change an act makes of one kind on one day.

    Made by the plan editor for row changes (``of_rows``) and changes to the abbreviations note
    (``of_note``), it keeps the source and works out the citation and the notes' halves around the row's
    number when first read: consolidation alone formats no note.
    """

    __slots__ = (
        "_citation",
        "_halves",
        "_source",
        "_what",
        "act",
        "act_date",
        "amended_by",
        "corrects",
        "in_force",
        "kind",
    )

    act: str
    act_date: dt.date
    in_force: dt.date
    kind: ChangeKind
    # Acts that amend acts: the acts that moved or corrected the operation behind this change, and, for a
    # correction that takes effect after the corrected act, the act whose text it corrects.
    amended_by: tuple[str, ...]
    corrects: str | None
    _citation: str | None
    _source: Source | None
    _halves: NoteHalves | None
    # What the notes say, Kazakh and Russian (``_change``'s ``what`` and ``what_ru``), where it is not a row
    # note of ``kind``; it names no number.
    _what: tuple[str, str] | None

    def __init__(
        self,
        *,
        act: str,
        act_date: dt.date,
        in_force: dt.date,
        kind: ChangeKind,
        citation: str | None,
        amended_by: tuple[str, ...],
        corrects: str | None,
        source: Source | None = None,
    ) -> None:
        self.act, self.act_date, self.in_force, self.kind = act, act_date, in_force, kind
        self.amended_by, self.corrects = amended_by, corrects
        self._citation, self._source, self._halves, self._what = citation, source, None, None

    @classmethod
    def of_rows(cls, source: Source, kind: ChangeKind) -> ChangeFacts:
        """The facts of ``source``'s row changes of ``kind``, their citation and notes worked out when read."""
        # ``__init__``'s work without its keyword arguments: the editor makes one per act, day and kind.
        new = object.__new__(cls)
        act, by, corrects = source.act, source.amended_by, source.corrects
        new.act, new.act_date, new.in_force, new.kind = act.number, act.date, source.in_force, kind
        new.amended_by = tuple([a.number for a in by]) if by else ()
        new.corrects = corrects.number if corrects is not None else None
        new._citation, new._source, new._halves, new._what = None, source, None, None
        return new

    @classmethod
    def of_note(cls, source: Source, kind: ChangeKind, what: str, what_ru: str) -> ChangeFacts:
        """The facts of one change whose notes say ``what`` and ``what_ru`` (``_change``'s), worked out when read."""
        new = cls.of_rows(source, kind)
        new._what = (what, what_ru)
        return new

    @property
    def citation(self) -> str:
        """The act as cited, e.g. "ҚР Үкіметінің 30.05.2025 № 392 қаулысымен"."""
        if self._citation is None:
            assert self._source is not None
            self._citation = self._source.citation
        return self._citation

    def halves(self) -> NoteHalves:
        """The row notes of this act and kind, cut around the row's number (note_for_row's templates: a
        number has no braces, so formatting it in, then the act, is placing it between the halves); a note
        that names no number (``of_note``) is all in the first halves."""
        if self._halves is None:
            source = self._source
            assert source is not None
            if self._what is None:  # a number has no braces: the notes of a row numbered "{}" are cut at it
                what, what_ru = row_note(self.kind, "{}")[0], row_note(self.kind, "{{}}")[1]
            else:
                what, what_ru = self._what
            # The first "{}" is the number's (it comes before the citation); without one, the second half is "".
            kk_before, _, kk_after = note(what, source.citation, source.suffix).partition("{}")
            by, of = source.citation_ru
            ru_before, _, ru_after = note_ru(what_ru, by, of).partition("{}")
            self._halves = NoteHalves(kk_before, kk_after, ru_before, ru_after)
        return self._halves


class Change(Lean):
    """One change to one element: which act, in force from when, what kind, and the generated note.

    A lean record: the engine makes one per operation, and a version keeps every one it inherits. Its
    facts (``ChangeFacts``) are shared by the act's changes of one kind; a row change the plan editor makes
    keeps only the row's number besides, and its notes are joined when first read. Validated and
    described (JSON schema) as ``records.Change``.
    """

    __slots__ = ("_facts", "_note", "_note_ru", "_number")
    _names = _FIELDS

    _facts: ChangeFacts
    _note: str | None
    _note_ru: str | None
    # A change whose notes are joined when read: the row's number ("" for a note that names none).
    _number: str | None

    def __init__(
        self,
        *,
        act: str,
        act_date: dt.date,
        in_force: dt.date,
        kind: ChangeKind,
        citation: str,
        note: str,
        amended_by: tuple[str, ...] = (),
        corrects: str | None = None,
        note_ru: str | None = None,
    ) -> None:
        # Trusted values (the engine builds them; a written change is validated by records.Change).
        set_ = object.__setattr__
        facts = ChangeFacts(
            act=act,
            act_date=act_date,
            in_force=in_force,
            kind=kind,
            citation=citation,
            amended_by=amended_by,
            corrects=corrects,
        )
        set_(self, "_facts", facts)
        set_(self, "_note", note)
        set_(self, "_note_ru", note_ru)
        set_(self, "_number", None)

    @classmethod
    def of_row(cls, facts: ChangeFacts, number: str) -> Change:
        """A row's change from the act's shared facts (``ChangeFacts.of_rows``) and the row's number (or a
        change of ``ChangeFacts.of_note`` and ""): nothing is formatted until a note is read."""
        new = object.__new__(cls)
        _set_facts(new, facts)
        _set_note(new, None)
        _set_note_ru(new, None)
        _set_number(new, number)
        return new

    @property
    def act(self) -> str:
        """The act's number."""
        return self._facts.act

    @property
    def act_date(self) -> dt.date:
        """The act's date."""
        return self._facts.act_date

    @property
    def in_force(self) -> dt.date:
        """The day the change takes effect."""
        return self._facts.in_force

    @property
    def kind(self) -> ChangeKind:
        """What the act did to the element."""
        return self._facts.kind

    @property
    def citation(self) -> str:
        """The act as notes cite it."""
        return self._facts.citation

    @property
    def amended_by(self) -> tuple[str, ...]:
        """The acts that moved or corrected the operation behind this change."""
        return self._facts.amended_by

    @property
    def corrects(self) -> str | None:
        """The act whose text a late correction corrects."""
        return self._facts.corrects

    @property
    def note(self) -> str:
        """The note in Kazakh (the reference bank's "Ескерту. ...")."""
        note = self._note
        if note is None:  # a row change of the plan editor: join its halves once
            assert self._number is not None
            halves = self._facts.halves()
            note = halves.kk_before + self._number + halves.kk_after
            object.__setattr__(self, "_note", note)
        return note

    @property
    def note_ru(self) -> str | None:
        """The same note in Russian ("Сноска. ..."), generated from the same facts; None only in hand-built
        changes."""
        if self._number is not None and self._note_ru is None:
            halves = self._facts.halves()
            object.__setattr__(self, "_note_ru", halves.ru_before + self._number + halves.ru_after)
        return self._note_ru

    @classmethod
    def of(cls, **values: Any) -> Change:
        """A change from trusted values (its notes given)."""
        return cls(**values)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return cls.record_schema(handler, ChangeRecord)


# A change's slots, set through their descriptors: ``object.__setattr__`` looks each name up first, and a
# ``Lean`` record refuses plain assignment (it is immutable once made).
_set_facts = Change.__dict__["_facts"].__set__
_set_note = Change.__dict__["_note"].__set__
_set_note_ru = Change.__dict__["_note_ru"].__set__
_set_number = Change.__dict__["_number"].__set__


@dataclass(frozen=True)
class Source:
    """The act an operation comes from and the day it takes effect: the provenance of a change."""

    act: Act
    in_force: dt.date
    amended_by: tuple[Act, ...] = ()  # acts that moved or corrected this act's operation
    corrects: Act | None = None  # the act whose operation's text this derived change corrects

    @cached
    def citation(self) -> str:
        """The act as notes cite it (computed once per act and day, not once per change)."""
        return citation(self.act)

    @cached
    def suffix(self) -> str:
        """What a note adds to cite the other act of a chain: ``(ҚР Үкіметінің ... қаулысымен өзгертілген)``."""
        if self.corrects is not None:
            return corrected_suffix(act_in_case(self.corrects, "dative"))
        if self.amended_by:
            return amended_suffix([citation(a) for a in self.amended_by])
        return ""

    @cached
    def citation_ru(self) -> tuple[str, str]:
        """The act as Russian notes cite it: (instrumental, genitive)."""
        return citation_ru(self.act, "instrumental"), citation_ru(self.act, "genitive")


def _change(source: Source, kind: ChangeKind, what: str, what_ru: str | None = None) -> Change:
    # what_ru holds {by} (instrumental: "постановлением ...") or {of} (genitive: "в редакции постановления ...");
    # None: no Russian note (a kind of change whose Russian wording is not written here).
    by, of = source.citation_ru
    return Change(
        act=source.act.number,
        act_date=source.act.date,
        in_force=source.in_force,
        kind=kind,
        citation=source.citation,
        note=note(what, source.citation, source.suffix),
        note_ru=None if what_ru is None else note_ru(what_ru, by, of),
        amended_by=tuple(a.number for a in source.amended_by),
        corrects=source.corrects.number if source.corrects is not None else None,
    )


def with_change(history: tuple[Change, ...], change: Change) -> tuple[Change, ...]:
    """``history`` with ``change`` added, unless it ends with the same change: one note per element per act
    (a correction that touches two cells of a row, or two word replacements of an act in one row, make
    the row one note, as the reference bank prints it)."""
    if history:
        last = history[-1]
        facts, other = last._facts, change._facts
        if facts is other and last._number is not None and last._number == change._number:
            return history  # one act's row change of one kind, the same row: the same notes, not joined to compare
        if facts.act == other.act and facts.kind is other.kind and last == change:
            return history
    return history + (change,)


def note_for_row(source: Source, kind: ChangeKind, number: str) -> Change:
    """A row's change with its note, e.g. ``Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің ... қаулысымен.``"""
    return _change(source, kind, *row_note(kind, number))


def note_for_abbreviation(source: Source, kind: ChangeKind) -> Change:
    """A change to the abbreviations note (Ескертпе), its notes formatted when first read."""
    return Change.of_row(ChangeFacts.of_note(source, kind, *ABBREVIATION_NOTE), "")


def note_for_section(source: Source, kind: ChangeKind, number: str) -> Change:
    """A change to a section's or subsection's heading, or the plan's repeal (number ``""``)."""
    if kind is ChangeKind.REPEALED:
        return _change(source, kind, *REPEALED)  # the reference bank's forms
    return _change(source, kind, *section_note(kind, number))


def element_name(element: str, key: str) -> str:
    """An element's name in Kazakh, as notes and the comparative table give it ("2-тармақ", "Кіріспе")."""
    return element_names(element, key)[0]


def note_for_element(
    source: Source, kind: ChangeKind, element: str, key: str, *, to: str = "", to_ru: str = ""
) -> Change:
    """A change to an element of the resolution or of the annex's structure (``element`` is an
    ``ElementKind`` value, ``key`` its number, code or column id; ``to``: the new number, or the place
    moved to in the dative ("1.3-кіші бөлімге"), and ``to_ru`` that place in Russian)."""
    return _change(source, kind, *element_note(kind, element, key, to=to, to_ru=to_ru))
