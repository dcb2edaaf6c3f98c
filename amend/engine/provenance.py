"""Where each element of a version came from: the changes made to it, with the bank's notes in Kazakh."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from amend.engine.acts import Act, citation
from amend.engine.base import Frozen, construct
from amend.engine.legal import act_in_case

__all__ = ["Change", "ChangeKind", "Source", "note_for_abbreviation", "note_for_row", "note_for_section"]


class ChangeKind(str, Enum):
    """What an act did to an element (Akoma Ntoso: substitution, insertion, repeal)."""

    REPLACED = "replaced"  # the whole row in new wording
    INSERTED = "inserted"
    CELLS_REPLACED = "cells_replaced"
    WORDS_REPLACED = "words_replaced"
    DELETED = "deleted"
    ADDED = "added"  # an abbreviation, section or subsection
    TITLE_SET = "title_set"
    REPEALED = "repealed"
    RESCHEDULED = "rescheduled"  # another act's entry into force moved (acts that amend acts)
    SUSPENDED = "suspended"  # the plan's force suspended (its text stands)
    RESUMED = "resumed"


class Change(Frozen):
    """One change to one element: which act, in force from when, what kind, and the generated note."""

    act: str
    act_date: dt.date
    in_force: dt.date
    kind: ChangeKind
    citation: str  # the act as cited, e.g. "ҚР Үкіметінің 30.05.2025 № 392 қаулысымен"
    note: str
    # Acts that amend acts: the acts that moved or corrected the operation behind this change, and, for a
    # correction that takes effect after the corrected act, the act whose text it corrects.
    amended_by: tuple[str, ...] = ()
    corrects: str | None = None


@dataclass(frozen=True)
class Source:
    """The act an operation comes from and the day it takes effect: the provenance of a change."""

    act: Act
    in_force: dt.date
    amended_by: tuple[Act, ...] = ()  # acts that moved or corrected this act's operation (issue 14)
    corrects: Act | None = None  # the act whose operation's text this derived change corrects

    @cached_property
    def citation(self) -> str:
        """The act as notes cite it (computed once per act and day, not once per change)."""
        return citation(self.act)

    @cached_property
    def suffix(self) -> str:
        """What a note adds to cite the other act of a chain: ``(ҚР Үкіметінің ... қаулысымен өзгертілген)``."""
        if self.corrects is not None:
            return f" ({act_in_case(self.corrects, 'dative')} түзету)"
        if self.amended_by:
            return f" ({', '.join(citation(a) for a in self.amended_by)} өзгертілген)"
        return ""


def _change(source: Source, kind: ChangeKind, what: str) -> Change:
    return construct(
        Change,
        act=source.act.number,
        act_date=source.act.date,
        in_force=source.in_force,
        kind=kind,
        citation=source.citation,
        note=f"Ескерту. {what} - {source.citation}{source.suffix}.",
        amended_by=tuple(a.number for a in source.amended_by),
        corrects=source.corrects.number if source.corrects is not None else None,
    )


_ROW_NOTES = {
    ChangeKind.REPLACED: "{}-жол жаңа редакцияда",
    ChangeKind.INSERTED: "Жоспар {}-жолмен толықтырылды",
    ChangeKind.CELLS_REPLACED: "{}-жолға өзгеріс енгізілді",
    ChangeKind.WORDS_REPLACED: "{}-жолға өзгеріс енгізілді",
    ChangeKind.DELETED: "{}-жол алып тасталды",
}


def note_for_row(source: Source, kind: ChangeKind, number: str) -> Change:
    """A row's change with its note, e.g. ``Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің ... қаулысымен.``"""
    return _change(source, kind, _ROW_NOTES[kind].format(number))


def note_for_abbreviation(source: Source, kind: ChangeKind) -> Change:
    """A change to the abbreviations note (Ескертпе)."""
    return _change(source, kind, "Ескертпеге өзгеріс енгізілді")


def note_for_section(source: Source, kind: ChangeKind, number: str) -> Change:
    """A change to a section's or subsection's heading, or the plan's repeal (number ``""``)."""
    if kind is ChangeKind.REPEALED:
        return _change(source, kind, "Күші жойылды")  # the reference bank's form
    element = "кіші бөлім" if "." in number else "бөлім"  # 1.2 is a subsection, 1 a section
    what = {
        ChangeKind.ADDED: f"Жоспар {number}-{element}мен толықтырылды",
        ChangeKind.TITLE_SET: f"{number}-{element}ге өзгеріс енгізілді",
    }[kind]
    return _change(source, kind, what)
